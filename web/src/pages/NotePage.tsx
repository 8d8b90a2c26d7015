import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { deleteNote, fetchNote, fetchNoteLanguage, setNoteLanguage } from '../api/notes.js';
import type { Note } from '../api/types.js';
import { Avatar } from '../components/Avatar.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Spinner } from '../components/Spinner.js';
import { useMe } from '../features/auth/useMe.js';
import { CommentsSection } from '../features/comments/CommentsSection.js';
import { Carousel } from '../features/notes/Carousel.js';
// video notes (issue 9)
import { VideoPlayer } from '../features/video/VideoPlayer.js';
import '../features/video/video.css';
import { NoteActions } from '../features/notes/NoteActions.js';
import { FollowButton } from '../features/profile/FollowButton.js';
import { LanguageControl } from '../features/translation/LanguageControl.js';
import { NoteText } from '../features/translation/NoteText.js';
import { relativeTime } from '../format.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import './note.css';
// moderation (issue 7)
import { DistributionStatus } from '../features/moderation/DistributionStatus.js';
import { ReportButton } from '../features/moderation/ReportDialog.js';
import { Sensitive } from '../features/moderation/Sensitive.js';
import '../features/moderation/moderation.css';

export default function NotePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const note = useQuery({ queryKey: ['note', id], queryFn: () => fetchNote(id) });
  const [toast, setToast] = useState<string | null>(null);
  useDocumentTitle(note.data?.title || undefined);
  const remove = useMutation({ mutationFn: () => deleteNote(id), onSuccess: () => navigate('/', { replace: true }) });

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 2500);
    return () => clearTimeout(timer);
  }, [toast]);

  if (note.isPending) return <Spinner />;
  if (note.isError) return <ErrorNotice error={note.error} onRetry={() => void note.refetch()} />;
  const n = note.data;
  const author = n.author;

  return (
    <article className="note-page" aria-labelledby="note-title">
      <div className="note-media">
        <Sensitive sensitive={n.sensitive && !n.viewer.isAuthor}>
          {n.video ? (
            <VideoPlayer video={n.video} title={n.title} />
          ) : n.images.length > 0 ? (
            <Carousel images={n.images} label={t('note.carousel')} />
          ) : (
            <div className="note-text-cover" aria-hidden="true">
              <p>{n.title || n.body.slice(0, 60)}</p>
            </div>
          )}
        </Sensitive>
      </div>
      <div className="note-side">
        <header className="note-author">
          <Link to={`/users/${author.handle}`} className="note-author-link">
            <Avatar user={author} size={40} />
            <span>{author.displayName || author.handle}</span>
          </Link>
          {!n.viewer.isAuthor && me && <FollowButton handle={author.handle} />}
          {!n.viewer.isAuthor && me && <ReportButton kind="note" id={n.id} />}
          {n.viewer.isAuthor && (
            <Link to={`/notes/${n.id}/edit`} className="btn btn-small">
              {t('note.edit')}
            </Link>
          )}
          {n.viewer.isAuthor && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                if (window.confirm(t('note.confirmDelete'))) remove.mutate();
              }}
            >
              {t('note.delete')}
            </button>
          )}
        </header>
        <NoteText note={n} />
        {/* Tags the body does not already show as links. */}
        {n.hashtags.some((tag) => !n.facets.some((f) => f.type === 'hashtag' && f.tag === tag)) && (
          <p className="note-tags">
            {n.hashtags.filter((tag) => !n.facets.some((f) => f.type === 'hashtag' && f.tag === tag)).map((tag) => (
              <Link key={tag} to={`/topics/${encodeURIComponent(tag)}`} className="facet-link">
                #{tag}
              </Link>
            ))}
          </p>
        )}
        <p className="note-date hint">
          <time dateTime={n.createdAt}>{relativeTime(n.createdAt, i18n.language)}</time>
          {n.locationLabel && <span> · {n.locationLabel}</span>}
          {n.visibility !== 'public' && <span> · {t(`note.${n.visibility}`)}</span>}
        </p>
        {n.viewer.isAuthor && <NoteLanguage note={n} />}
        {n.viewer.isAuthor && <DistributionStatus noteId={n.id} />}
        <NoteActions note={n} onShareCopied={() => setToast(t('note.linkCopied'))} />
        <CommentsSection noteId={n.id} count={n.counts.comments} />
      </div>
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
    </article>
  );
}

/** The author's view of the language Kuaan stored for their note, with a way to correct it. */
function NoteLanguage({ note }: { note: Note }) {
  const client = useQueryClient();
  return (
    <LanguageControl
      queryKey={['note-language', note.id]}
      fetch={() => fetchNoteLanguage(note.id)}
      save={(body) => setNoteLanguage(note.id, body)}
      lang={note.lang}
      mixed={note.langMixed}
      onSaved={(value) => {
        client.setQueryData(['note-language', note.id], value);
        client.setQueryData<Note>(['note', note.id], (old) => (old ? { ...old, lang: value.lang, langMixed: value.mixed } : old));
        // A translation made from the old source language is no longer the right one.
        void client.invalidateQueries({ queryKey: ['translation', 'note', note.id] });
      }}
    />
  );
}
