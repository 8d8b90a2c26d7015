import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Page · Kuaan" in the tab title, so screen readers and history say where you are. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
