import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchCommentLanguage, setCommentLanguage } from '../../api/notes.js';
import { deleteComment, fetchReplies, likeComment, unlikeComment } from '../../api/social.js';
import type { Comment } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { HeartIcon } from '../../components/Icons.js';
import { relativeTime } from '../../format.js';
import { useMe } from '../auth/useMe.js';
import { CommentText } from '../translation/CommentText.js';
import { LanguageControl } from '../translation/LanguageControl.js';
// moderation (issue 7)
import { ReportButton } from '../moderation/ReportDialog.js';
import { Sensitive } from '../moderation/Sensitive.js';

interface Props {
  comment: Comment;
  /** Replies the server sent along with the comment. */
  preview?: Comment[];
  onReply: (c: Comment) => void;
  isReply?: boolean;
}

/** One comment with its like, reply and delete buttons, and (for top-level comments) its replies. */
export function CommentItem({ comment, preview = [], onReply, isReply }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const client = useQueryClient();
  const [showReplies, setShowReplies] = useState(false);
  const [liked, setLiked] = useState({ on: comment.likedByMe, count: comment.likeCount });
  const replies = useInfiniteQuery({
    queryKey: ['replies', comment.id],
    queryFn: ({ pageParam }) => fetchReplies(comment.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (p) => p.nextCursor,
    enabled: showReplies && !isReply,
  });
  const like = useMutation({
    mutationFn: (on: boolean) => (on ? likeComment(comment.id) : unlikeComment(comment.id)),
    onError: (_e, on) => setLiked((s) => ({ on: !on, count: s.count + (on ? -1 : 1) })),
  });
  const remove = useMutation({
    mutationFn: () => deleteComment(comment.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['comments', comment.noteId] });
      if (comment.parentId) void client.invalidateQueries({ queryKey: ['replies', comment.parentId] });
    },
  });
  const name = comment.author.displayName || comment.author.handle;
  const replyItems = showReplies ? (replies.data?.pages.flatMap((p) => p.items) ?? preview) : preview;
  const hiddenReplies = comment.replyCount - replyItems.length;

  return (
    <li className={`comment ${isReply ? 'reply' : ''}`}>
      <Link to={`/users/${comment.author.handle}`} className="comment-avatar" aria-hidden="true" tabIndex={-1}>
        <Avatar user={comment.author} size={isReply ? 24 : 32} />
      </Link>
      <div className="comment-main">
        <Link to={`/users/${comment.author.handle}`} className="comment-author">
          {name}
        </Link>
        {comment.byNoteAuthor && <span className="author-badge">{t('comments.author')}</span>}
        <Sensitive sensitive={comment.sensitive && me?.id !== comment.author.id}>
        <CommentText
          comment={comment}
          prefix={
            comment.replyTo && (
              <span className="reply-to">
                {t('comments.replyTo')}{' '}
                <Link to={`/users/${comment.replyTo.handle}`} className="facet-link">
                  @{comment.replyTo.displayName || comment.replyTo.handle}
                </Link>
                {': '}
              </span>
            )
          }
        />
        </Sensitive>
        <div className="comment-meta">
          <time dateTime={comment.createdAt}>{relativeTime(comment.createdAt, i18n.language)}</time>
          {me && (
            <button type="button" className="link-button" onClick={() => onReply(comment)}>
              {t('comments.reply')}
            </button>
          )}
          {comment.canDelete && (
            <button type="button" className="link-button" onClick={() => remove.mutate()}>
              {t('common.delete')}
            </button>
          )}
          {me && me.id !== comment.author.id && <ReportButton kind="comment" id={comment.id} className="link-button" />}
          <button
            type="button"
            className="icon-btn comment-like"
            aria-pressed={liked.on}
            disabled={!me}
            onClick={() => {
              const on = !liked.on;
              setLiked((s) => ({ on, count: Math.max(0, s.count + (on ? 1 : -1)) }));
              like.mutate(on);
            }}
          >
            <HeartIcon size={16} filled={liked.on} />
            <span className="visually-hidden">{t('comments.like')}</span>
            <span>{liked.count}</span>
          </button>
        </div>
        {me && me.id === comment.author.id && (
          <LanguageControl
            className="compact"
            lazy
            queryKey={['comment-language', comment.id]}
            fetch={() => fetchCommentLanguage(comment.id)}
            save={(body) => setCommentLanguage(comment.id, body)}
            lang={comment.lang}
            mixed={comment.langMixed}
            onSaved={(value) => {
              client.setQueryData(['comment-language', comment.id], value);
              void client.invalidateQueries({ queryKey: ['comments', comment.noteId] });
              if (comment.parentId) void client.invalidateQueries({ queryKey: ['replies', comment.parentId] });
              void client.invalidateQueries({ queryKey: ['translation', 'comment', comment.id] });
            }}
          />
        )}
        {replyItems.length > 0 && (
          <ul className="replies">
            {replyItems.map((r) => (
              <CommentItem key={r.id} comment={r} onReply={onReply} isReply />
            ))}
          </ul>
        )}
        {!isReply && !showReplies && hiddenReplies > 0 && (
          <button type="button" className="link-button" onClick={() => setShowReplies(true)}>
            {t('comments.showReplies', { count: hiddenReplies })}
          </button>
        )}
        {showReplies && replies.hasNextPage && (
          <button type="button" className="link-button" onClick={() => void replies.fetchNextPage()}>
            {t('common.loadMore')}
          </button>
        )}
      </div>
    </li>
  );
}
