import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchNote } from '../api/notes.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { NoteForm } from '../features/composer/NoteForm.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import './composer.css';

export default function EditNotePage() {
  return (
    <RequireAuth>
      <EditNote />
    </RequireAuth>
  );
}

function EditNote() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('composer.editTitle'));
  // Always the stored note, not a cached copy that an earlier edit or another tab may have outdated.
  const note = useQuery({ queryKey: ['note', id], queryFn: () => fetchNote(id), refetchOnMount: 'always', refetchOnWindowFocus: false });
  if (note.isError) return <ErrorNotice error={note.error} onRetry={() => void note.refetch()} />;
  if (!note.isFetchedAfterMount || !note.data) return <Spinner />;
  if (!note.data.viewer.isAuthor) {
    return (
      <div className="medium empty">
        <p>{t('composer.notYours')}</p>
        <Link to={`/notes/${id}`}>{t('common.back')}</Link>
      </div>
    );
  }
  return <NoteForm key={`${note.data.id}:${note.data.updatedAt}`} note={note.data} />;
}
