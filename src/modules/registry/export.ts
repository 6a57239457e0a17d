import type { Actor } from '../../platform/access/actor.ts';
import { scopeOf } from '../../platform/access/scope.ts';
import { httpError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { type ExportFile, exportPages } from '../../platform/io/workbook.ts';
import type { ListQuery, RegistryKind } from './contract.ts';
import { KINDS } from './kinds.ts';
import { kindContext, type RegistryDeps } from './records.ts';
import { RegistryRepository } from './repository.ts';

/** The filtered list as a spreadsheet; unmasked only with personal.reveal and an explicit request, audited. */
export async function exportRecords<K extends RegistryKind>(
  deps: RegistryDeps,
  actor: Actor,
  kind: K,
  query: Partial<ListQuery>,
  format: 'xlsx' | 'csv',
  reveal: boolean,
  locale: Locale,
): Promise<ExportFile> {
  if (reveal && !actor.permissions.has('personal.reveal')) throw httpError('FORBIDDEN');
  const def = KINDS[kind];
  const ctx = await kindContext(deps, reveal);
  const file = await exportPages(
    new RegistryRepository(deps.database.db).iterate(kind, scopeOf(actor), query),
    (page) => page.map((row) => def.exportRow(row, ctx)),
    {
      title: locale === 'en-US' ? def.label.en : def.label.zh,
      columns: def.columns,
      format,
      locale,
      now: deps.clock.now(),
    },
  );
  if (reveal) {
    await deps.database.transaction((tx) =>
      deps.audit.record(tx, actor, {
        action: `${def.entity}.export.reveal`,
        entity: def.entity,
        entityId: '*',
        regionCode: actor.regionCode,
        changes: { rows: { to: file.count }, filter: { to: query } },
      }),
    );
  }
  return file;
}
