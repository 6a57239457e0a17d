import type { Executor } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { type ExportFile, exportPages } from '../../platform/io/workbook.ts';
import { chinaDate } from '../../reference/china-time.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import type { ListItemsQuery, ListKind } from './contract.ts';
import { LIST_KIND_DEFS } from './kinds.ts';
import { STATUS_NAMES } from './machine.ts';
import { type ListScope, ListsRepository } from './repository.ts';
import type { ListItemRow } from './schema.ts';

/**
 * A list as a sheet: every item the scope sees with the list's filters, in
 * code order, in the import columns.
 */
export async function exportList(
  db: Executor,
  kind: ListKind,
  scope: ListScope,
  query: Partial<ListItemsQuery>,
  dict: DictionarySnapshot,
  target: { format: 'xlsx' | 'csv'; locale: Locale; now: Date },
): Promise<ExportFile> {
  const def = LIST_KIND_DEFS[kind];
  return exportPages(
    new ListsRepository(db).iterate(kind, scope, query),
    (page) => page.map((row) => listExportRow(row, dict)),
    { ...target, title: target.locale === 'en-US' ? def.label.en : def.label.zh, columns: def.columns },
  );
}

/** One export row, in the import columns, so that an export re-imports unchanged. */
function listExportRow(row: ListItemRow, dict: DictionarySnapshot): Record<string, string | number | null> {
  const kept = (field: string) => row.flags.filter((f) => f.field === field).map((f) => f.value);
  const amount = row.amountNegotiable
    ? '面议'
    : row.amountFen === null
      ? ''
      : String(row.amountFen / 100 / 1e4);
  return {
    code: row.code,
    title: row.title,
    description: row.description,
    keywords: row.keywordsExtracted ? '' : row.keywords.join('；'),
    industries: [...dict.named('industry', row.industries).map((n) => n.name), ...kept('industries')].join(
      '；',
    ),
    disciplines: [
      ...dict.named('discipline', row.disciplines).map((n) => n.name),
      ...kept('disciplines'),
    ].join('；'),
    field: row.fieldText ?? '',
    ownerName: row.ownerName,
    region: row.regionCode ?? row.regionText ?? '',
    amount,
    cooperationModes: [...row.cooperationModes, ...kept('cooperationModes')].join('；'),
    deadline: row.deadline,
    headcount: row.headcount,
    terms: row.terms,
    stage: row.trl ? `TRL${row.trl}` : (row.stage ?? kept('stage')[0] ?? ''),
    patents: row.patents.join('；'),
    cluster: row.cluster,
    contactName: row.contactName,
    status: STATUS_NAMES[row.status].zh,
    publishedOn: row.publishedAt ? chinaDate(row.publishedAt) : '',
  };
}
