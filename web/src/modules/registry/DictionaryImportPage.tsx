import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n.tsx';
import { NotFound } from '../../app/NotFound.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { useDictionaryKinds } from './api.ts';
import { ImportWizard } from './ImportWizard.tsx';
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
  const name = item ? pick(item.name) : kind;
  const back = () => navigate(`/dictionaries?kind=${kind}`);
  return (
    <Card
      title={
        <Space size={8}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={back}
            aria-label={t('dict.back')}
            title={t('dict.back')}
          />
          {t('dict.importTitle', { name })}
        </Space>
      }
    >
      <ImportWizard importKind={`dictionary.${kind}`} backLabel={t('dict.back')} onBack={back} />
    </Card>
  );
}
