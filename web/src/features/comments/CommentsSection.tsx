import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchComments } from '../../api/social.js';
import type { Comment } from '../../api/types.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Spinner } from '../../components/Spinner.js';
import { useMe } from '../auth/useMe.js';
import { CommentTranslationsProvider, TranslateAllButton } from '../translation/CommentTranslations.js';
import { CommentComposer } from './CommentComposer.js';
import { CommentItem } from './CommentItem.js';
import './comments.css';

/** The comment thread under a note, with the composer. */
export function CommentsSection({ noteId, count }: { noteId: string; count: number }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const comments = useInfiniteQuery({
    queryKey: ['comments', noteId],
    queryFn: ({ pageParam }) => fetchComments(noteId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (p) => p.nextCursor,
  });
  const items = comments.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = items.flatMap((thread) => [thread.comment, ...thread.replies]);

  return (
    <CommentTranslationsProvider noteId={noteId}>
      <section className="comments" id="comments" aria-labelledby="comments-title">
        <h2 id="comments-title">{t('comments.title', { count })}</h2>
        {me ? (
          <CommentComposer noteId={noteId} replyTo={replyTo} onCancelReply={() => setReplyTo(null)} />
        ) : (
          <Link className="btn btn-small" to={`/sign-in?next=/notes/${noteId}`}>
            {t('comments.signInToComment')}
          </Link>
        )}
        {comments.isPending ? (
          <Spinner />
        ) : comments.isError ? (
          <ErrorNotice error={comments.error} onRetry={() => void comments.refetch()} />
        ) : items.length === 0 ? (
          <p className="empty">{t('comments.empty')}</p>
        ) : (
          <>
            <TranslateAllButton comments={shown} />
            <ul className="comment-list">
              {items.map((thread) => (
                <CommentItem key={thread.comment.id} comment={thread.comment} preview={thread.replies} onReply={setReplyTo} />
              ))}
            </ul>
          </>
        )}
        {comments.hasNextPage && (
          <button type="button" className="btn btn-small" onClick={() => void comments.fetchNextPage()}>
            {t('common.loadMore')}
          </button>
        )}
      </section>
    </CommentTranslationsProvider>
  );
}
