import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import type { KindConfig } from './config.ts';
import { ImportWizard } from './ImportWizard.tsx';
import type { FromList } from './RegistryDetailPage.tsx';
import type { RegistryKind } from './types.ts';

/** The spreadsheet import of one registry. */
export function RegistryImportPage<K extends RegistryKind>({ config }: { config: KindConfig<K> }) {
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
      <ImportWizard importKind={config.kind} backLabel={t('import.backTo', { name: title })} onBack={back} />
    </Card>
  );
}
