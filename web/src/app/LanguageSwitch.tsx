import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from './i18n.tsx';

/** Toggles between Chinese and English; the label names the language it switches to. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLocale(next)}
      title={t('lang.switchTitle')}
      aria-label={t('lang.switchTitle')}
      data-testid="lang-switch"
    >
      {next === 'en-US' ? t('lang.en') : t('lang.zh')}
    </Button>
  );
}
