import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Avatar } from '../../components/Avatar.js';
import { Highlighted } from './Highlighted.js';
import { fetchTypeahead } from './search.api.js';

interface Option {
  id: string;
  to: string;
  kind: 'user' | 'topic' | 'search';
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/**
 * The search box in the header: an ARIA combobox whose list offers people and topics as you type
 * (arrows move, Enter opens, Escape closes) and, last, "search notes for …".
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(text.trim(), 150);
  const ta = useQuery({ queryKey: ['typeahead', q], queryFn: () => fetchTypeahead(q), enabled: q.length > 0, staleTime: 30_000 });

  const users = q && ta.data ? ta.data.users : [];
  const topics = q && ta.data ? ta.data.topics : [];
  const options: Option[] = [
    ...users.map((u) => ({ id: `${listId}-u-${u.user.id}`, to: `/users/${u.user.handle}`, kind: 'user' as const })),
    ...topics.map((x) => ({ id: `${listId}-t-${x.topic.name}`, to: `/topics/${encodeURIComponent(x.topic.name)}`, kind: 'topic' as const })),
    ...(text.trim() ? [{ id: `${listId}-search`, to: `/search?q=${encodeURIComponent(text.trim())}`, kind: 'search' as const }] : []),
  ];
  const expanded = open && options.length > 0;

  const go = (to: string) => {
    setOpen(false);
    setActive(-1);
    navigate(to);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = expanded && active >= 0 ? options[active] : undefined;
      if (option) go(option.to);
      else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else setText('');
    }
  };

  const optionProps = (index: number) => ({
    id: options[index]!.id,
    role: 'option' as const,
    'aria-selected': index === active,
    className: `typeahead-option${index === active ? ' active' : ''}`,
    // mousedown, not click: the input's blur would close the list before a click lands.
    onMouseDown: (e: React.MouseEvent) => {
      e.preventDefault();
      go(options[index]!.to);
    },
  });

  return (
    <search className="header-search">
      <input
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? options[active]?.id : undefined}
        placeholder={t('search.placeholder')}
        value={text}
        enterKeyHint="search"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={t('search.suggestions')} className="typeahead" hidden={!expanded}>
        {users.map((u, i) => (
          <div key={u.user.id} {...optionProps(i)}>
            <Avatar user={u.user} size={24} />
            <span className="typeahead-main">
              <Highlighted text={u.user.displayName || u.user.handle} ranges={u.highlights.displayName} />
            </span>
            <span className="hint">@{u.user.handle}</span>
          </div>
        ))}
        {topics.map((x, i) => (
          <div key={x.topic.name} {...optionProps(users.length + i)}>
            <span className="typeahead-hash" aria-hidden="true">
              #
            </span>
            <span className="typeahead-main">
              <Highlighted text={x.topic.name} ranges={x.highlights.name} />
            </span>
            <span className="hint">{t('topic.views', { count: x.topic.viewCount, formatted: String(x.topic.viewCount) })}</span>
          </div>
        ))}
        {text.trim() && (
          <div key="search" {...optionProps(users.length + topics.length)}>
            <span className="typeahead-main">{t('search.searchFor', { query: text.trim() })}</span>
          </div>
        )}
      </div>
    </search>
  );
}
