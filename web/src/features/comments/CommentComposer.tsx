import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/limits.js';
import { postComment } from '../../api/social.js';
import type { Comment } from '../../api/types.js';
import { errorText } from '../../components/ErrorNotice.js';
import { SmileIcon } from '../../components/Icons.js';
import { StickerPicker } from './StickerPicker.js';

interface Props {
  noteId: string;
  replyTo: Comment | null;
  onCancelReply: () => void;
}

/** Writes a comment or, with `replyTo`, a reply in that comment's thread. */
export function CommentComposer({ noteId, replyTo, onCancelReply }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [stickers, setStickers] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const threadId = replyTo ? (replyTo.parentId ?? replyTo.id) : undefined;

  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  const send = useMutation({
    mutationFn: () => postComment(noteId, body, replyTo?.id),
    onSuccess: () => {
      setBody('');
      setStickers(false);
      onCancelReply();
      void client.invalidateQueries({ queryKey: ['comments', noteId] });
      if (threadId) void client.invalidateQueries({ queryKey: ['replies', threadId] });
      void client.invalidateQueries({ queryKey: ['note', noteId] });
    },
    onError: (e) => setError(errorText(e, t)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    setError(null);
    send.mutate();
  };
  const length = [...body].length;
  const name = replyTo ? replyTo.author.displayName || replyTo.author.handle : '';

  return (
    <form className="comment-composer" onSubmit={submit}>
      {replyTo && (
        <div className="replying-to">
          <span>{t('comments.replyPlaceholder', { name })}</span>
          <button type="button" className="link-button" onClick={onCancelReply}>
            {t('comments.cancelReply')}
          </button>
        </div>
      )}
      <div className="composer-row">
        <label htmlFor="comment-body" className="visually-hidden">
          {t('comments.label')}
        </label>
        <textarea
          id="comment-body"
          ref={input}
          rows={1}
          value={body}
          placeholder={replyTo ? t('comments.replyPlaceholder', { name }) : t('comments.placeholder')}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={length > LIMITS.commentChars || undefined}
        />
        <button
          type="button"
          className="icon-btn"
          aria-expanded={stickers}
          aria-label={t('comments.stickers')}
          onClick={() => setStickers((s) => !s)}
        >
          <SmileIcon />
        </button>
        <button type="submit" className="btn btn-primary btn-small" disabled={send.isPending || !body.trim() || length > LIMITS.commentChars}>
          {t('comments.send')}
        </button>
      </div>
      {length > LIMITS.commentChars * 0.8 && (
        <span className={`counter ${length > LIMITS.commentChars ? 'over' : ''}`}>
          {t('composer.counter', { used: length, max: LIMITS.commentChars })}
        </span>
      )}
      {stickers && <StickerPicker onPick={(code) => setBody((b) => b + code)} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
