import { ImportIntoListPage } from '../../app/ImportWizard.tsx';
import { listKeys } from './api.ts';
import type { ListKindConfig } from './config.ts';

/** Imported items change the lists and what matching suggests. */
const LIST_DATA = [listKeys.all, ['matching']] as const;

/** The spreadsheet import of one list, with the shared wizard. */
export function ListImportPage({ config }: { config: ListKindConfig }) {
  return (
    <ImportIntoListPage
      titleKey={config.titleKey}
      listPath={config.path}
      importKind={config.kind}
      invalidate={LIST_DATA}
    />
  );
}
