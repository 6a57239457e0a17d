import type { Actor } from '../../platform/access/actor.ts';
import { publicPrefix, scopeOf, UNSCOPED } from '../../platform/access/scope.ts';
import type { Change, ChangeFeed } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ListKind } from '../lists/contract.ts';
import { ListsRepository } from '../lists/repository.ts';
import type { ListsService } from '../lists/service.ts';
import type { DictionaryService, DictionarySnapshot } from '../registry/dictionaries.ts';
import { registryError } from '../registry/errors.ts';
import { type EnterpriseRow, RegistryRepository } from '../registry/repository.ts';
import type { RegistryService } from '../registry/service.ts';
import { enterpriseQuery, expertDoc, expertQuery, institutionDoc, listDoc, listQuery } from './documents.ts';
import {
  DEFAULT_WEIGHTS,
  type MatchingEngine as Engine,
  type ExpertSignals,
  type MatchDoc,
  MatchingEngine,
  type MatchLevel,
  type MatchQuery,
  type MatchResult,
  type MatchWeights,
  type Target,
} from './engine.ts';
import { type Advice, adviceText, type ReasonView, reasonView } from './reasons.ts';

export type Source = ListKind | 'experts';

export interface MatchResultView extends Omit<MatchResult, 'reasons'> {
  kind: Target;
  reasons: ReasonView[];
}

/** Entities of the change feed the index follows. */
const FOLLOWED = new Set(['talents', 'institutions', 'demands', 'talent-demands', 'achievements']);
const LIST_TARGETS = new Set<string>(['demands', 'talent-demands', 'achievements']);

/** How far back a refresh looks before the newest change it has seen (a transaction may commit late). */
const REFRESH_OVERLAP_MS = 5 * 60_000;

/**
 * Matching for the platform: keeps the engine's indexes in step with the
 * records (built from the database on first use, then updated from the change
 * feed, and refreshed from the database for changes made by other processes)
 * and answers suggestions, free-text searches and batch runs, scoped to the caller.
 */
export class MatchingService {
  readonly engine: Engine;
  private loading: Promise<void> | null = null;
  /** Set when the first build has finished; noted changes are applied from then on. */
  private built = false;
  /** Ids of changed records to read again, per entity, with the tick at which each was noted. */
  private readonly pending = new Map<string, Map<string, number>>();
  /** Counts noted changes, so a read can tell which of them it already saw. */
  private tick = 0;
  private flushing: Promise<void> | null = null;
  /**
   * Work done keeping the indexes (for tests and benchmarks): rows read by
   * builds and refreshes, rows read again for noted changes, and noted changes
   * dropped because a build had already read their rows after they were made.
   */
  readonly stats = { read: 0, applied: 0, covered: 0 };
  /** Version of each indexed record (or -1 when seen and left out), to skip unchanged rows in refreshes. */
  private readonly versions = new Map<string, number>();
  private watermark: Date | null = null;

  constructor(
    private readonly database: Database,
    private readonly dictionaries: DictionaryService,
    private readonly registry: RegistryService,
    private readonly lists: ListsService,
    private readonly clock: Clock,
    changes: ChangeFeed,
    weights: MatchWeights = DEFAULT_WEIGHTS,
  ) {
    this.engine = new MatchingEngine(weights);
    changes.subscribe((change) => this.noteChange(change));
  }

  setSignals(signals: ExpertSignals): void {
    this.engine.setSignals(signals);
  }

  /** Builds the indexes from the database once; later calls wait for the same build, then apply pending changes. */
  async ready(): Promise<void> {
    this.loading ??= this.load().catch((err) => {
      this.loading = null;
      throw err;
    });
    await this.loading;
    await this.flush();
  }

  /** Suggestions for one record the caller can see: a demand's experts, an expert's demands … */
  async suggestions(
    actor: Actor,
    request: { from: Source; id: string; against: Target; top: number },
    locale: Locale,
  ) {
    await this.ready();
    const dict = await this.dictionaries.snapshot();
    let query: MatchQuery;
    if (request.from === 'experts') {
      await this.registry.get(actor, 'talents', request.id); // the caller may see this expert
      query = await this.expertQueryById(request.id, dict);
    } else {
      const row = await this.lists.row(actor, request.from, request.id);
      query = listQuery(row, dict);
    }
    const advice = request.from === 'experts' ? 'expert' : 'item';
    return this.answer(actor, request.against, query, request.top, dict, locale, advice);
  }

  /**
   * Suggestions like `suggestions`, among the given records only (the experts
   * registered for a matchmaking meeting), whatever their region; all of them,
   * those below the lowest level too (with no level): the meeting's proposals
   * rank what they are given.
   */
  async suggestionsAmong(
    actor: Actor,
    request: { from: ListKind; id: string; against: Target; top: number },
    among: ReadonlySet<string>,
    locale: Locale,
  ) {
    await this.ready();
    const dict = await this.dictionaries.snapshot();
    const row = await this.lists.row(actor, request.from, request.id);
    const started = performance.now();
    const items = this.engine
      .match(request.against, listQuery(row, dict), request.top, (doc) => among.has(doc.id))
      .map((r) => this.view(request.against, r, dict, locale));
    return { against: request.against, items, tookMs: elapsed(started) };
  }

  /**
   * How well each of the given experts fits each enterprise (what it needs,
   * its open demands, what it does), whatever their region: a pairing
   * round's proposals rank what they are given. Every expert with a score,
   * best first, with the reasons in both languages.
   */
  async expertsFitting(
    enterprises: readonly { row: EnterpriseRow; needs: readonly (string | null)[] }[],
    among: ReadonlySet<string>,
  ): Promise<Map<string, { talentId: string; score: number; reasons: { zh: string; en: string }[] }[]>> {
    await this.ready();
    const dict = await this.dictionaries.snapshot();
    const out = new Map<
      string,
      { talentId: string; score: number; reasons: { zh: string; en: string }[] }[]
    >();
    for (const { row, needs } of enterprises) {
      const results = this.engine.match('experts', enterpriseQuery(row, dict, needs), among.size, (doc) =>
        among.has(doc.id),
      );
      out.set(
        row.id,
        results
          .filter((r) => r.level !== null)
          .map((r) => ({
            talentId: r.id,
            score: r.score,
            reasons: r.reasons.map((reason) => ({
              zh: reasonView(reason, dict, 'zh-CN').label,
              en: reasonView(reason, dict, 'en-US').label,
            })),
          })),
      );
    }
    return out;
  }

  /** Free text (an operator pastes a description) against any kind. */
  async search(
    actor: Actor,
    request: { text: string; against: Target; top: number; regionCode?: string | undefined },
    locale: Locale,
  ) {
    await this.ready();
    const dict = await this.dictionaries.snapshot();
    const query: MatchQuery = { text: request.text, regionCode: request.regionCode ?? actor.regionCode };
    return this.answer(actor, request.against, query, request.top, dict, locale, 'search');
  }

  /** For the signed-in expert: the demands that fit their profile. */
  async mine(actor: Actor, request: { against: Target; top: number }, locale: Locale) {
    const profile = await this.registry.myProfile(actor);
    if (profile.kind !== 'talents') throw registryError('REGISTRY_NO_PROFILE');
    await this.ready();
    const dict = await this.dictionaries.snapshot();
    const query = await this.expertQueryById(String(profile.record.id), dict);
    return this.answer(actor, request.against, query, request.top, dict, locale, 'mine');
  }

  /** Batch matching for an operator (a matchmaking meeting's demand sheet), scoped like suggestions. */
  async batchFor(
    actor: Actor,
    queries: { id: string; query: MatchQuery }[],
    against: Target,
    top: number,
    locale: Locale,
  ) {
    await this.ready();
    const dict = await this.dictionaries.snapshot();
    const prefix = suggestionPrefix(actor);
    // The meeting's sheet lists what would be suggested: results below the lowest level are left out.
    return queries.map(({ id, query }) => ({
      id,
      results: this.engine
        .match(against, { regionCode: actor.regionCode, ...query }, top, (doc) =>
          doc.scopeRegion.startsWith(prefix),
        )
        .filter((r) => r.level !== null)
        .map((r) => this.view(against, r, dict, locale)),
    }));
  }

  /**
   * Batch matching for the CLI and evaluation: unscoped, reasons in Chinese, every result (those below
   * the lowest level too, with no level), so that the evaluation measures the ranking itself.
   */
  async batch(
    queries: { id: string; query: MatchQuery }[],
    against: Target,
    top: number,
    locale: Locale = 'zh-CN',
  ) {
    await this.ready();
    const dict = await this.dictionaries.snapshot();
    return queries.map(({ id, query }) => ({
      id,
      results: this.engine.match(against, query, top).map((r) => this.view(against, r, dict, locale)),
    }));
  }

  /**
   * The best `top` for a question, those with a level only: `hidden` says how many of the `top` were
   * left out for being below the lowest level or having nothing to say for them, and `advice` what
   * would find better ones (in the caller's language, for what was asked), so that the page can say so.
   */
  private async answer(
    actor: Actor,
    against: Target,
    query: MatchQuery,
    top: number,
    dict: DictionarySnapshot,
    locale: Locale,
    advice: Advice,
  ) {
    const started = performance.now();
    const prefix = suggestionPrefix(actor);
    const results = this.engine.match(against, query, top, (doc) => doc.scopeRegion.startsWith(prefix));
    const shown = results.filter(hasLevel);
    return {
      against,
      items: shown.map((r) => ({ ...this.view(against, r, dict, locale), level: r.level })),
      hidden: results.length - shown.length,
      advice: adviceText(advice, locale),
      tookMs: elapsed(started),
    };
  }

  private view(kind: Target, r: MatchResult, dict: DictionarySnapshot, locale: Locale): MatchResultView {
    return { ...r, kind, reasons: r.reasons.map((reason) => reasonView(reason, dict, locale)) };
  }

  private async expertQueryById(id: string, dict: DictionarySnapshot): Promise<MatchQuery> {
    const row = await new RegistryRepository(this.database.db).byId('talents', id, UNSCOPED);
    if (!row) throw registryError('REGISTRY_NOT_FOUND');
    return { ...expertQuery(row, dict), excludeId: row.id };
  }

  // ---------- keeping the indexes in step ----------

  private noteChange(change: Change): void {
    if (!FOLLOWED.has(change.entity)) return;
    // List items publish under their kind; all list kinds live in one table.
    const entity = LIST_TARGETS.has(change.entity) ? 'lists' : change.entity;
    for (const id of change.ids) this.note(entity, id);
    // Apply soon even if nobody asks (keeps the index warm); a query applies them first anyway.
    // During the first build, wait for it: it reads most of these rows anyway.
    if (this.built) setImmediate(() => void this.flush().catch(() => {}));
  }

  private note(entity: string, id: string): void {
    let ids = this.pending.get(entity);
    if (!ids) {
      ids = new Map();
      this.pending.set(entity, ids);
    }
    // Re-noting moves the id to the newest tick (its newest change is what must be read).
    ids.delete(id);
    ids.set(id, ++this.tick);
  }

  /**
   * A build read `id` in a query started at tick `readAt`: a change noted before
   * that had committed before the query, so the query saw it (or a newer version).
   */
  private covered(entity: string, id: string, readAt: number): void {
    const ids = this.pending.get(entity);
    const noted = ids?.get(id);
    if (noted !== undefined && noted <= readAt) {
      ids!.delete(id);
      this.stats.covered++;
    }
  }

  /** Applies noted changes: reads those records and updates or removes their documents. */
  async flush(): Promise<void> {
    if (!this.built) return;
    for (;;) {
      if (this.flushing) {
        await this.flushing;
        continue;
      }
      if (this.pending.size === 0) return;
      const batch = new Map([...this.pending].map(([entity, ids]) => [entity, new Set(ids.keys())]));
      this.pending.clear();
      this.flushing = this.apply(batch)
        .catch((err) => {
          // Keep the changes for the next try.
          for (const [entity, ids] of batch) for (const id of ids) this.note(entity, id);
          throw err;
        })
        .finally(() => {
          this.flushing = null;
        });
    }
  }

  private async apply(batch: Map<string, Set<string>>): Promise<void> {
    const dict = await this.dictionaries.snapshot();
    const db = this.database.db;
    for (const [entity, idSet] of batch) {
      const ids = [...idSet];
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        const seen = new Set<string>();
        if (entity === 'lists') {
          for await (const rows of new ListsRepository(db).changed({ ids: chunk })) {
            this.stats.applied += rows.length;
            for (const row of rows) {
              seen.add(row.id);
              this.put(row.kind as Target, row.id, row.version, listDoc(row, dict));
            }
          }
        } else {
          const kind = entity as 'talents' | 'institutions';
          for await (const rows of new RegistryRepository(db).changed(kind, { ids: chunk })) {
            this.stats.applied += rows.length;
            for (const row of rows) {
              seen.add(row.id);
              if (kind === 'talents') this.put('experts', row.id, row.version, expertDoc(row as never, dict));
              else this.put('institutions', row.id, row.version, institutionDoc(row as never, dict));
            }
          }
        }
      }
    }
  }

  private put(target: Target, id: string, version: number, doc: MatchDoc | undefined): void {
    // Never go back to an older version (reads on several connections may finish out of order).
    if (Math.abs(this.versions.get(id) ?? 0) > version) return;
    this.versions.set(id, doc ? version : -version);
    if (doc) this.engine.upsert(target, doc);
    else this.engine.remove(target, id);
  }

  private async load(): Promise<void> {
    const startedAt = this.clock.now();
    await this.readAll(undefined);
    this.engine.compact();
    this.watermark = startedAt;
    this.built = true;
  }

  /**
   * Picks up changes made by other processes (a CLI import, a second server):
   * rows updated since the last look, less an overlap for late commits;
   * rows whose version is already indexed are skipped.
   */
  async refresh(): Promise<void> {
    if (!this.loading) return;
    await this.loading;
    const startedAt = this.clock.now();
    const since = new Date((this.watermark ?? startedAt).getTime() - REFRESH_OVERLAP_MS);
    await this.readAll(since);
    this.watermark = startedAt;
  }

  private async readAll(since: Date | undefined): Promise<void> {
    const dict = await this.dictionaries.snapshot();
    const db = this.database.db;
    const filter = since ? { since } : {};
    const fresh = (id: string, version: number) => {
      const known = this.versions.get(id);
      return known === undefined || Math.abs(known) !== version;
    };
    // The tick when the next page's query starts: changes noted up to it are in that page.
    let readAt = this.tick;
    for await (const rows of new RegistryRepository(db).changed('talents', filter)) {
      this.stats.read += rows.length;
      for (const row of rows) {
        this.covered('talents', row.id, readAt);
        if (fresh(row.id, row.version)) this.put('experts', row.id, row.version, expertDoc(row, dict));
      }
      await yieldToOthers();
      readAt = this.tick;
    }
    for await (const rows of new RegistryRepository(db).changed('institutions', filter)) {
      this.stats.read += rows.length;
      for (const row of rows) {
        this.covered('institutions', row.id, readAt);
        if (fresh(row.id, row.version))
          this.put('institutions', row.id, row.version, institutionDoc(row, dict));
      }
      readAt = this.tick;
    }
    for await (const rows of new ListsRepository(db).changed(filter)) {
      this.stats.read += rows.length;
      for (const row of rows) {
        this.covered('lists', row.id, readAt);
        if (fresh(row.id, row.version)) this.put(row.kind as Target, row.id, row.version, listDoc(row, dict));
      }
      await yieldToOthers();
      readAt = this.tick;
    }
  }
}

function hasLevel(result: MatchResult): result is MatchResult & { level: MatchLevel } {
  return result.level !== null;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** Let requests run between pages of a long build. */
function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Whose records a caller is shown as suggestions: an operator's (or an
 * institution administrator's) scope region; for everyone else their city,
 * as for published list items.
 */
function suggestionPrefix(actor: Actor): string {
  const prefix = scopeOf(actor).regionPrefix;
  const manager = actor.permissions.has('lists.manage') || actor.permissions.has('registry.manage');
  return manager ? prefix : publicPrefix(prefix);
}
