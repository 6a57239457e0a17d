import { useNavigate, useParams } from 'react-router';
import { ImportPage } from '../../app/ImportWizard.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { NotFound } from '../../app/NotFound.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { REGISTRY_DATA, useDictionaryKinds } from './api.ts';
import { isDictionaryKind } from './types.ts';

/** Imports a complete code list (代码, 名称, 上级代码, 级别, 别名) with the shared wizard. */
export function DictionaryImportPage() {
  const { t, pick } = useI18n();
  useDocumentTitle('menu.dictionaries');
  const navigate = useNavigate();
  const { kind } = useParams();
  const kinds = useDictionaryKinds();
  if (!isDictionaryKind(kind)) return <NotFound />;
  const item = kinds.data?.find((entry) => entry.kind === kind);
  // The list's name, never its key; blank for the moment the names take to load.
  const name = item ? pick(item.name) : '';
  return (
    <ImportPage
      title={t('dict.importTitle', { name })}
      backHint={t('dict.back')}
      importKind={`dictionary.${kind}`}
      invalidate={REGISTRY_DATA}
      backLabel={t('dict.back')}
      onBack={() => navigate(`/dictionaries?kind=${kind}`)}
    />
  );
}
