import { useTranslation } from 'react-i18next';

/** What stays of a card the reader said they are not interested in: a note, and a way back. */
export function HiddenCard({ topic, onUndo }: { topic?: string; onUndo: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="note-card note-card-hidden" role="status">
      <p>{topic ? t('discover.hiddenTopic', { topic }) : t('discover.hidden')}</p>
      <button type="button" className="btn btn-small" onClick={onUndo}>
        {t('discover.undo')}
      </button>
    </div>
  );
}
