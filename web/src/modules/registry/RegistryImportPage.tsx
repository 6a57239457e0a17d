import { ImportIntoListPage } from '../../app/ImportWizard.tsx';
import { REGISTRY_DATA } from './api.ts';
import type { KindConfig } from './config.ts';
import type { RegistryKind } from './types.ts';

/** The spreadsheet import of one registry. */
export function RegistryImportPage<K extends RegistryKind>({ config }: { config: KindConfig<K> }) {
  return (
    <ImportIntoListPage
      titleKey={config.titleKey}
      listPath={config.path}
      importKind={config.kind}
      invalidate={REGISTRY_DATA}
    />
  );
}
