import { type Changes, diffChanges } from '../../platform/audit/changes.ts';
import type { AuditEntry } from '../../platform/audit/service.ts';
import { extractKeywords } from '../../platform/text/analyzer.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import { words } from '../registry/kinds.ts';
import { LIST_KIND_DEFS } from './kinds.ts';
import type { ListItemRow } from './schema.ts';

/**
 * What a write puts in an item's columns, whoever writes it (a form, an
 * import): the input's values, the search text, and the audit row.
 */

/** Bookkeeping columns left out of audit diffs. */
const IGNORED = ['updatedAt', 'version', 'createdAt', 'searchText', 'industryTags', 'disciplineTags'];

/** Input fields → columns: money in fen, code tags with ancestors, keywords extracted when none were given. */
export function itemValues(input: Record<string, unknown>, dict: DictionarySnapshot, before?: ListItemRow) {
  const v: Record<string, unknown> = {};
  const { amountYuan, enterpriseId: _e, institutionId: _i, ...rest } = input;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) v[key] = value;
  if (amountYuan !== undefined)
    v.amountFen = amountYuan === null ? null : Math.round((amountYuan as number) * 100);
  if (input.industries !== undefined)
    v.industryTags = dict.withAncestors('industry', input.industries as string[]);
  if (input.disciplines !== undefined) {
    v.disciplineTags = dict.withAncestors('discipline', input.disciplines as string[]);
  }
  const keywords =
    (input.keywords as string[] | undefined) ?? (before?.keywordsExtracted ? [] : before?.keywords);
  if (input.keywords !== undefined || input.title !== undefined || input.description !== undefined) {
    if (keywords && keywords.length > 0) {
      v.keywords = keywords;
      v.keywordsExtracted = false;
    } else {
      const title = (input.title as string | undefined) ?? before?.title ?? '';
      const description = (input.description as string | null | undefined) ?? before?.description ?? '';
      v.keywords = extractKeywords(`${title}。${title}。${description}`, 8);
      v.keywordsExtracted = true;
    }
  }
  return v;
}

/** The words an item is found by (the list's search box). */
export function listSearchText(row: Partial<ListItemRow>, dict: DictionarySnapshot): string {
  return words(
    row.code,
    row.title,
    row.ownerName,
    row.keywords ?? [],
    row.fieldText,
    dict.named('industry', row.industries ?? []).map((n) => n.name),
    dict.named('discipline', row.disciplines ?? []).map((n) => n.name),
    row.description?.slice(0, 2000),
  );
}

/** What a write changed in an item's fields (bookkeeping columns left out); `before` null for a new item. */
export function itemChanges(before: ListItemRow | null, after: object): Changes {
  return diffChanges(before, after as Record<string, unknown>, [], IGNORED);
}

/** The audit row of a write to an item: `verb` is create, update, import.create …. */
export function itemAudit(verb: string, before: ListItemRow | null, after: ListItemRow): AuditEntry {
  const { entity } = LIST_KIND_DEFS[after.kind];
  return {
    action: `${entity}.${verb}`,
    entity,
    entityId: after.id,
    regionCode: after.scopeRegion,
    changes: itemChanges(before, after),
  };
}
