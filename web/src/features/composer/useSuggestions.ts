import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchProfile } from '../../api/auth.js';
import { fetchTopic } from '../../api/notes.js';
import { fetchFollowing } from '../../api/social.js';
import type { NoteCard, UserSummary } from '../../api/types.js';
import { useMe } from '../auth/useMe.js';
import { fetchTypeahead } from '../search/search.api.js';
import type { Suggestion } from './Suggestions.js';
import type { TypedToken } from './token.js';

const RECENT_TAGS = 'kuaan.recentTags';

export function rememberTags(tags: string[]): void {
  const old = recentTags();
  localStorage.setItem(RECENT_TAGS, JSON.stringify([...new Set([...tags, ...old])].slice(0, 30)));
}

function recentTags(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(RECENT_TAGS) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** People you follow first, then people this browser has already seen (feeds, notes), so @mentions complete without a search API. */
function knownPeople(client: QueryClient, following: UserSummary[]): UserSummary[] {
  const people = new Map<string, UserSummary>(following.map((u) => [u.handle, u]));
  for (const q of client.getQueryCache().getAll()) {
    const data = q.state.data as { pages?: Array<{ items?: NoteCard[] }>; author?: UserSummary } | undefined;
    for (const page of data?.pages ?? []) for (const card of page.items ?? []) if (card?.author) people.set(card.author.handle, card.author);
    if (data?.author?.handle) people.set(data.author.handle, data.author);
  }
  return [...people.values()];
}

const MAX = 6;
const TYPEAHEAD_DELAY_MS = 200;

/** The value once it has stopped changing for `ms`: one typeahead request per pause, not per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Suggestions first from the server's typeahead (people and topics), then the local ones, without repeats. */
function merge(remote: Suggestion[], local: Suggestion[]): Suggestion[] {
  const out = [...remote];
  for (const s of local) if (!out.some((o) => o.value.toLowerCase() === s.value.toLowerCase())) out.push(s);
  return out.slice(0, MAX);
}

/**
 * Completions for the #topic or @person at the caret: the server's typeahead (debounced) when it
 * answers; while it is on its way, or when it fails, what this browser knows (people seen or
 * followed, recent and popular tags, an exact-name lookup).
 */
export function useSuggestions(token: TypedToken | null, popularTags: string[]): Suggestion[] {
  const local = useLocalSuggestions(token, popularTags);
  const key = useDebounced(token ? `${token.kind === 'hashtag' ? '#' : '@'}${token.query}` : '', TYPEAHEAD_DELAY_MS);
  const settled = token !== null && key === `${token.kind === 'hashtag' ? '#' : '@'}${token.query}`;
  const remote = useQuery({
    queryKey: ['typeahead', key.slice(1)],
    queryFn: () => fetchTypeahead(key.slice(1)),
    enabled: key.length > 1,
    retry: false,
    staleTime: 60_000,
  });
  if (!token) return [];
  if (!settled || !remote.data || remote.isError) return local;
  const fromServer: Suggestion[] =
    token.kind === 'hashtag'
      ? remote.data.topics.map((h) => ({ value: h.topic.name, label: `#${h.topic.name}`, detail: String(h.topic.noteCount) }))
      : remote.data.users.map((h) => ({ value: h.user.handle, label: h.user.displayName || h.user.handle, detail: `@${h.user.handle}` }));
  return merge(fromServer, local);
}

function useLocalSuggestions(token: TypedToken | null, popularTags: string[]): Suggestion[] {
  const client = useQueryClient();
  const me = useMe().data;
  const following = useQuery({
    queryKey: ['following', me?.handle],
    queryFn: () => fetchFollowing(me!.handle),
    enabled: Boolean(me) && token?.kind === 'mention',
    staleTime: 5 * 60_000,
  });
  const query = token?.query ?? '';
  const lower = query.toLowerCase();
  const exactTopic = useQuery({
    queryKey: ['topic', query],
    queryFn: () => fetchTopic(query),
    enabled: token?.kind === 'hashtag' && query.length > 0,
    retry: false,
    staleTime: 60_000,
  });
  const exactUser = useQuery({
    queryKey: ['profile', query],
    queryFn: () => fetchProfile(query),
    enabled: token?.kind === 'mention' && query.length >= 3,
    retry: false,
    staleTime: 60_000,
  });
  if (!token) return [];

  if (token.kind === 'hashtag') {
    const out: Suggestion[] = [];
    if (exactTopic.data) out.push({ value: exactTopic.data.name, label: `#${exactTopic.data.name}`, detail: String(exactTopic.data.noteCount) });
    for (const tag of [...recentTags(), ...popularTags]) {
      if (tag.toLowerCase().startsWith(lower) && !out.some((s) => s.value === tag)) out.push({ value: tag, label: `#${tag}` });
    }
    return out.slice(0, MAX);
  }
  const out: Suggestion[] = [];
  if (exactUser.data) out.push({ value: exactUser.data.handle, label: exactUser.data.displayName, detail: `@${exactUser.data.handle}` });
  for (const p of knownPeople(client, following.data?.items.map((i) => i.user) ?? [])) {
    const match = p.handle.toLowerCase().startsWith(lower) || p.displayName.toLowerCase().includes(lower);
    if (match && !out.some((s) => s.value === p.handle)) out.push({ value: p.handle, label: p.displayName || p.handle, detail: `@${p.handle}` });
  }
  return out.slice(0, MAX);
}
