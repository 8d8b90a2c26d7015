import { useTranslation } from 'react-i18next';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { NoteForm } from '../features/composer/NoteForm.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import './composer.css';

export default function ComposePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('composer.title'));
  return (
    <RequireAuth>
      <NoteForm />
    </RequireAuth>
  );
}
