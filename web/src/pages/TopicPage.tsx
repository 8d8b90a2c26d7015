import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fetchTopic } from '../api/notes.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Waterfall } from '../features/feed/Waterfall.js';
import { compactNumber } from '../format.js';
import { useDocumentTitle } from '../useDocumentTitle.js';

/** A hashtag's page: how many people look at it and talk about it, and its notes. */
export default function TopicPage() {
  const { name = '' } = useParams();
  const { t, i18n } = useTranslation();
  const topic = useQuery({ queryKey: ['topic', name], queryFn: () => fetchTopic(name) });
  useDocumentTitle(`#${name}`);
  const n = (x: number) => compactNumber(x, i18n.language);
  return (
    <div className="topic-page">
      <header className="topic-head card">
        <div className="topic-mark" aria-hidden="true">
          #
        </div>
        <div>
          <h1>#{topic.data?.name ?? name}</h1>
          {topic.data && (
            <p className="hint topic-stats">
              <span>{t('topic.views', { count: topic.data.viewCount, formatted: n(topic.data.viewCount) })}</span>
              {' · '}
              <span>{t('topic.notes', { count: topic.data.noteCount })}</span>
              {' · '}
              <span>{t('topic.comments', { count: topic.data.commentCount })}</span>
            </p>
          )}
        </div>
      </header>
      {topic.isError ? <ErrorNotice error={topic.error} /> : <Waterfall source={{ kind: 'topic', name }} />}
    </div>
  );
}
