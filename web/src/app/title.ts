import { useEffect } from 'react';
import { type MessageKey, useT } from './i18n.tsx';

/** Sets the browser tab title to "<page> · 才桥". */
export function useDocumentTitle(key: MessageKey): void {
  const t = useT();
  const title = `${t(key)} · ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
