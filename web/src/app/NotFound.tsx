import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from './i18n.tsx';
import { useDocumentTitle } from './title.ts';

export function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  useDocumentTitle('notFound.title');
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound.description')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
