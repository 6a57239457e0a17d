import type { Actor } from '../../platform/access/actor.ts';
import type { AuditService } from '../../platform/audit/service.ts';
import { ChangeFeed } from '../../platform/changes.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Database } from '../../platform/db/client.ts';
import { KeptReads } from '../../platform/db/pages.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { ImportKind } from '../../platform/io/import.ts';
import { linkTalentAccount, talentAccount } from './accounts.ts';
import type { ListQuery, RegistryKind } from './contract.ts';
import type { DictionaryService } from './dictionaries.ts';
import { exportRecords } from './export.ts';
import { registryImportKinds } from './imports.ts';
import { type InputOf, KINDS } from './kinds.ts';
import { myProfile, type ProfileEdit, updateMyProfile } from './profile.ts';
import { getRecord, type KeptPage, listRecords, type RegistryDeps, revealRecord } from './records.ts';
import { createRecord, type RecordEdit, setArchived, updateRecord } from './writes.ts';

/**
 * The registries: talents and experts, enterprises, institutions and talent
 * stations. Every read is scoped to the caller's region (and organisation);
 * personal data is stored encrypted and shown masked unless revealed, and
 * every change is audited in its transaction.
 *
 * One use-case family per file: records.ts (lists, one record, reveal),
 * writes.ts (create, edit, archive), export.ts, imports.ts, profile.ts (the
 * signed-in person's own record), accounts.ts (a talent's linked account);
 * what differs per kind is in kinds/.
 */
export class RegistryService {
  private readonly deps: RegistryDeps;

  constructor(
    database: Database,
    audit: AuditService,
    dictionaries: DictionaryService,
    cipher: FieldCipher,
    clock: Clock,
    changes: ChangeFeed = new ChangeFeed(),
    /** How long a plain list's total and pages are kept in process (0: read every time); see KeptReads. */
    keptMs = 0,
  ) {
    const totals = new KeptReads<number>(keptMs);
    // Opening pages of four kinds, a few orders and scopes: at most 300, each of at most 100 records (listRecords).
    const pages = new KeptReads<KeptPage>(keptMs, 300);
    // Any registry kind's change forgets every total and page: an institution's organisation decides which talents an organisation's account sees.
    changes.subscribe((change) => {
      if (change.entity in KINDS) {
        totals.forget();
        pages.forget();
      }
    });
    this.deps = { database, audit, dictionaries, cipher, clock, changes, totals, pages };
  }

  list<K extends RegistryKind>(actor: Actor, kind: K, query: ListQuery) {
    return listRecords(this.deps, actor, kind, query);
  }

  get<K extends RegistryKind>(actor: Actor, kind: K, id: string) {
    return getRecord(this.deps, actor, kind, id);
  }

  /** The unmasked personal data of one record; every reveal is audited. */
  reveal<K extends RegistryKind>(actor: Actor, kind: K, id: string) {
    return revealRecord(this.deps, actor, kind, id);
  }

  create<K extends RegistryKind>(actor: Actor, kind: K, input: InputOf<K>) {
    return createRecord(this.deps, actor, kind, input);
  }

  update<K extends RegistryKind>(actor: Actor, kind: K, id: string, input: RecordEdit<K>) {
    return updateRecord(this.deps, actor, kind, id, input);
  }

  /** Archives (or restores) a record: it leaves the lists but keeps its history and links. */
  setArchived<K extends RegistryKind>(actor: Actor, kind: K, id: string, version: number, archived: boolean) {
    return setArchived(this.deps, actor, kind, id, version, archived);
  }

  /** The filtered list as a spreadsheet; unmasked only with personal.reveal and an explicit request, audited. */
  export<K extends RegistryKind>(
    actor: Actor,
    kind: K,
    query: Partial<ListQuery>,
    format: 'xlsx' | 'csv',
    reveal: boolean,
    locale: Locale,
  ) {
    return exportRecords(this.deps, actor, kind, query, format, reveal, locale);
  }

  /** The account a talent's record is linked to, if any. */
  talentAccount(actor: Actor, id: string) {
    return talentAccount(this.deps, actor, id);
  }

  /** Links a talent's record to an account of the caller's region, or unlinks it (username null). */
  linkTalentAccount(actor: Actor, id: string, username: string | null) {
    return linkTalentAccount(this.deps, actor, id, username);
  }

  /** The signed-in expert's own record, or the signed-in enterprise's. */
  myProfile(actor: Actor) {
    return myProfile(this.deps, actor);
  }

  /** Experts and enterprises keep their own profiles; who and where they are stays with the operator. */
  updateMyProfile(actor: Actor, input: ProfileEdit) {
    return updateMyProfile(this.deps, actor, input);
  }

  /** The spreadsheet import of each registry, for platform/io. */
  importKinds(): ImportKind<Record<string, unknown>>[] {
    return registryImportKinds(this.deps);
  }
}
