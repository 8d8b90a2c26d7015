import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../useDocumentTitle.js';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('common.notFound'));
  return (
    <div className="empty">
      <h1>{t('common.notFound')}</h1>
      <Link to="/" className="btn btn-primary">
        {t('common.goHome')}
      </Link>
    </div>
  );
}
