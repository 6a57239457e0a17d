import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { ImportWizard } from '../registry/ImportWizard.tsx';
import type { FromList } from '../registry/RegistryDetailPage.tsx';
import { listKeys } from './api.ts';
import type { ListKindConfig } from './config.ts';

/** Imported items change the lists and what matching suggests. */
const LIST_DATA = [listKeys.all, ['matching']] as const;

/** The spreadsheet import of one list, with the registries' wizard. */
export function ListImportPage({ config }: { config: ListKindConfig }) {
  const t = useT();
  useDocumentTitle(config.titleKey);
  const navigate = useNavigate();
  const location = useLocation();
  const listSearch = (location.state as FromList | null)?.listSearch ?? '';
  const title = t(config.titleKey);
  const back = () => navigate(`${config.path}${listSearch}`);
  return (
    <Card
      title={
        <Space size={8}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={back}
            aria-label={t('registry.backToList')}
            title={t('registry.backToList')}
          />
          {t('import.title', { name: title })}
        </Space>
      }
    >
      <ImportWizard
        importKind={config.kind}
        invalidate={LIST_DATA}
        backLabel={t('import.backTo', { name: title })}
        onBack={back}
      />
    </Card>
  );
}
