import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contract/limits.js';
import { collectNote, createBoard, fetchBoards } from '../../api/notes.js';
import { errorText } from '../../components/ErrorNotice.js';

interface Props {
  noteId: string;
  handle: string;
  onClose: (collected: boolean) => void;
}

/** Choose one of your boards (or none), or make a new one, and collect the note into it. */
export function CollectDialog({ noteId, handle, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const boards = useQuery({ queryKey: ['boards', handle], queryFn: () => fetchBoards(handle) });
  const [choice, setChoice] = useState<string>('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const collect = useMutation({
    mutationFn: async () => {
      let boardId = choice || undefined;
      if (choice === '__new') {
        const board = await createBoard(newName.trim());
        boardId = board.id;
      }
      await collectNote(noteId, boardId);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['boards', handle] });
      void client.invalidateQueries({ queryKey: ['note', noteId] });
      ref.current?.close();
      onClose(true);
    },
    onError: (e) => setError(errorText(e, t)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    collect.mutate();
  };

  return (
    <dialog ref={ref} aria-labelledby="collect-title" onCancel={() => onClose(false)}>
      <form onSubmit={submit}>
        <h2 id="collect-title">{t('note.chooseBoard')}</h2>
        <fieldset className="board-choices">
          <legend className="visually-hidden">{t('profile.boards')}</legend>
          <label className="chip">
            <input type="radio" name="board" value="" checked={choice === ''} onChange={() => setChoice('')} />
            {t('note.noBoard')}
          </label>
          {boards.data?.map((b) => (
            <label className="chip" key={b.id}>
              <input type="radio" name="board" value={b.id} checked={choice === b.id} onChange={() => setChoice(b.id)} />
              {b.name}
            </label>
          ))}
          <label className="chip">
            <input type="radio" name="board" value="__new" checked={choice === '__new'} onChange={() => setChoice('__new')} />
            {t('note.newBoard')}
          </label>
        </fieldset>
        {choice === '__new' && (
          <div className="field">
            <label htmlFor="new-board-name">{t('note.boardName')}</label>
            <input
              id="new-board-name"
              value={newName}
              maxLength={LIMITS.boardName.max}
              onChange={(e) => setNewName(e.target.value)}
              required
            />
            <span className="counter">
              {[...newName].length}/{LIMITS.boardName.max}
            </span>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              ref.current?.close();
              onClose(false);
            }}
          >
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={collect.isPending || (choice === '__new' && !newName.trim())}>
            {choice === '__new' ? t('note.createBoard') : t('note.collect')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
