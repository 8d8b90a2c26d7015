import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { uncollectNote } from '../../api/notes.js';
import type { Note } from '../../api/types.js';
import { ChatIcon, HeartIcon, ShareIcon, StarIcon } from '../../components/Icons.js';
import { compactNumber } from '../../format.js';
import { useMe } from '../auth/useMe.js';
import { useLikeToggle } from '../feed/useLikeToggle.js';
import { CollectDialog } from './CollectDialog.js';

/** Like, collect into a board, share (copy link) and jump to comments. */
export function NoteActions({ note, onShareCopied }: { note: Note; onShareCopied: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const client = useQueryClient();
  const like = useLikeToggle(note.id, note.viewer.liked, note.counts.likes);
  const [choosing, setChoosing] = useState(false);
  const uncollect = useMutation({
    mutationFn: () => uncollectNote(note.id),
    onSettled: () => client.invalidateQueries({ queryKey: ['note', note.id] }),
  });
  const n = (x: number) => compactNumber(x, i18n.language);

  const onCollect = () => {
    if (!me) return navigate(`/sign-in?next=/notes/${note.id}`);
    if (note.viewer.collected) uncollect.mutate();
    else setChoosing(true);
  };

  const share = async () => {
    const url = `${window.location.origin}/notes/${note.id}`;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Clipboard refused (permissions): fall back to a selected text field.
      const input = document.createElement('input');
      input.value = url;
      document.body.append(input);
      input.select();
      document.execCommand('copy');
      input.remove();
    }
    onShareCopied();
  };

  return (
    <div className="note-actions">
      <button type="button" className="icon-btn" aria-pressed={like.liked} onClick={like.toggle}>
        <HeartIcon filled={like.liked} />
        <span className="action-label">{t('note.like')}</span>
        <span className="action-count">{n(like.count)}</span>
      </button>
      <button type="button" className="icon-btn" aria-pressed={note.viewer.collected} onClick={onCollect}>
        <StarIcon filled={note.viewer.collected} />
        <span className="action-label">{t('note.collect')}</span>
        <span className="action-count">{n(note.counts.collects)}</span>
      </button>
      <a className="icon-btn" href="#comments">
        <ChatIcon />
        <span className="action-label">{t('note.comments')}</span>
        <span className="action-count">{n(note.counts.comments)}</span>
      </a>
      <button type="button" className="icon-btn" onClick={() => void share()}>
        <ShareIcon />
        <span className="action-label">{t('note.share')}</span>
      </button>
      {choosing && me && <CollectDialog noteId={note.id} handle={me.handle} onClose={() => setChoosing(false)} />}
    </div>
  );
}
