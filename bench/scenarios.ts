/**
 * The scenarios: each turns the generated community (manifest) into an endless, rotating stream of
 * requests — a different signed-in person, note, topic or profile each time — so caches and the
 * database see a realistic spread instead of one hot row.
 */
import type { RawRequest } from 'autocannon';
import type { Manifest } from './data/generate.js';
import { TOPICS } from './data/phrases.js';
import { Rng, Zipf } from './data/random.js';

export interface Scenario {
  name: string;
  /** What one request is, for the report. */
  describe: string;
  /** Concurrent connections (argon2 scenarios use fewer: the work is on libuv's 4 threads). */
  connections: number;
  kind: 'read' | 'write' | 'auth';
  make(m: Manifest, runId: number): () => RawRequest;
}

const SESSION_COOKIE = 'kuaan_session';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Round-robin over the pre-created sessions. */
function cookies(m: Manifest): () => Record<string, string> {
  if (m.sessions.length === 0) throw new Error('the generated data has no sessions');
  const headers = m.sessions.map((s) => ({ cookie: `${SESSION_COOKIE}=${s.token}` }));
  let i = 0;
  return () => headers[i++ % headers.length]!;
}

/** Targets drawn with a Zipf skew: a few notes/profiles/topics get most traffic, as on a real app. */
function skewed<T>(items: readonly T[], seed: number, s = 0.9): () => T {
  if (items.length === 0) throw new Error('the generated data has no targets for this scenario');
  const zipf = new Zipf(items.length, s);
  const rng = new Rng(seed);
  return () => items[zipf.sample(rng)]!;
}

const enc = encodeURIComponent;

function get(path: string, headers: Record<string, string>): RawRequest {
  return { method: 'GET', path, headers };
}

/**
 * One Chinese and one English word of the same topic (`火锅 food`, `穿搭 vintage` …): the issue's
 * "two-word mixed-language query", over every topic the generator writes about.
 */
export function searchQueries(): string[] {
  return TOPICS.flatMap((t) => {
    const zh = t.tags.filter((tag) => /\p{Script=Han}/u.test(tag));
    const en = t.tags.filter((tag) => /^[a-z]+$/.test(tag));
    return zh.flatMap((z, i) => (en.length ? [`${z} ${en[i % en.length]}`] : []));
  });
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'ping',
    describe: 'GET /api/ping signed in (the ceiling plus the session lookup)',
    connections: 10,
    kind: 'read',
    make: (m) => {
      const who = cookies(m);
      return () => get('/api/ping', who());
    },
  },
  {
    name: 'discover',
    describe: 'GET /api/feed/discover (first page)',
    connections: 10,
    kind: 'read',
    make: (m) => {
      const who = cookies(m);
      return () => get('/api/feed/discover', who());
    },
  },
  {
    name: 'following',
    describe: 'GET /api/feed/following (first page)',
    connections: 10,
    kind: 'read',
    make: (m) => {
      const who = cookies(m);
      return () => get('/api/feed/following', who());
    },
  },
  {
    name: 'note-detail',
    describe: 'GET /api/notes/:id',
    connections: 10,
    kind: 'read',
    make: (m) => {
      const who = cookies(m);
      const note = skewed(m.noteIds, 1);
      return () => get(`/api/notes/${note()}`, who());
    },
  },
  {
    name: 'topic',
    describe: 'GET /api/topics/:name and /api/topics/:name/notes, alternating',
    connections: 10,
    kind: 'read',
    make: (m) => {
      const who = cookies(m);
      const topic = skewed(m.topics, 2);
      let i = 0;
      return () => get(`/api/topics/${enc(topic())}${i++ % 2 ? '/notes' : ''}`, who());
    },
  },
  {
    name: 'profile',
    describe: 'GET /api/users/:handle and /api/users/:handle/notes, alternating',
    connections: 10,
    kind: 'read',
    make: (m) => {
      const who = cookies(m);
      const handle = skewed(m.handles, 3, 0.6);
      let i = 0;
      return () => get(`/api/users/${enc(handle())}${i++ % 2 ? '/notes' : ''}`, who());
    },
  },
  {
    name: 'search',
    describe: 'GET /api/search/notes?q= a two-word mixed-language query (relevance, first page)',
    connections: 10,
    kind: 'read',
    make: (m, runId) => {
      const who = cookies(m);
      const pick = skewed(searchQueries(), runId + 7, 0.7);
      return () => get(`/api/search/notes?q=${enc(pick())}`, who());
    },
  },
  {
    name: 'typeahead',
    describe: 'GET /api/search/typeahead?q= the first 2–6 letters of a handle or topic (what a pause in typing asks)',
    connections: 10,
    kind: 'read',
    make: (m, runId) => {
      const who = cookies(m);
      const words = [...m.handles.slice(0, 500).map((h) => h.replace(/[^a-z]/g, '')), ...m.topics];
      const prefixes = words.flatMap((w) => [2, 3, 4, 5, 6].filter((n) => n <= [...w].length).map((n) => [...w].slice(0, n).join('')));
      const pick = skewed(prefixes, runId + 11, 0.7);
      return () => get(`/api/search/typeahead?q=${enc(pick())}`, who());
    },
  },
  {
    name: 'like',
    describe: 'POST /api/notes/:id/like (a new person–note pair each time)',
    connections: 10,
    kind: 'write',
    make: (m, runId) => {
      const s = m.sessions.length;
      const n = m.noteIds.length;
      // runId is the run's start in milliseconds (mod 10⁹): runs less than 11 days apart start far
      // enough from each other that no pair is liked twice (once it started at runId mod 10⁶, and
      // runs 16.7 minutes apart repeated each other's pairs, as cheaper no-ops).
      let k = runId;
      // Person k mod s with note (7k + k div s) mod n: pairs do not repeat for s·n requests.
      return () => {
        const session = m.sessions[k % s]!;
        const note = m.noteIds[(k * 7 + Math.floor(k / s)) % n]!;
        k++;
        return { method: 'POST', path: `/api/notes/${note}/like`, headers: { cookie: `${SESSION_COOKIE}=${session.token}` } };
      };
    },
  },
  {
    name: 'comment',
    describe: 'POST /api/notes/:id/comments',
    connections: 10,
    kind: 'write',
    make: (m, runId) => {
      const who = cookies(m);
      const note = skewed(m.noteIds, 4);
      let k = 0;
      return () => ({
        method: 'POST',
        path: `/api/notes/${note()}/comments`,
        headers: { ...who(), ...JSON_HEADERS },
        body: JSON.stringify({ body: k++ % 2 ? `Love this! 太好看了 (${runId}-${k})` : `收藏了，谢谢分享 #${runId}` }),
      });
    },
  },
  {
    name: 'post-text-note',
    describe: 'POST /api/notes (text note with two hashtags)',
    connections: 10,
    kind: 'write',
    make: (m, runId) => {
      const who = cookies(m);
      const topic = skewed(m.topics, 5);
      let k = 0;
      return () => {
        k++;
        return {
          method: 'POST',
          path: '/api/notes',
          headers: { ...who(), ...JSON_HEADERS },
          body: JSON.stringify({
            type: 'text',
            title: `Bench 笔记 ${k % 10_000}`,
            body: `Run ${runId}: today I practised 中文 for an hour. 今天也很开心。 #${topic()} #${topic()}`,
          }),
        };
      };
    },
  },
  {
    name: 'sign-in',
    describe: 'POST /api/auth/sign-in (real argon2id verify)',
    connections: 8,
    kind: 'auth',
    make: (m) => {
      let k = 0;
      return () => {
        const s = m.sessions[k++ % m.sessions.length]!;
        return {
          method: 'POST',
          path: '/api/auth/sign-in',
          headers: JSON_HEADERS,
          body: JSON.stringify({ login: s.handle, password: m.password }),
        };
      };
    },
  },
];

/** Sign-ups for the surge: unique handles and emails per run (argon2id hash each). */
export function signUps(m: Manifest, runId: number): () => RawRequest {
  let k = 0;
  const run = runId.toString(36).slice(-6);
  return () => {
    const handle = `s${run}_${(k++).toString(36)}`;
    return {
      method: 'POST',
      path: '/api/auth/sign-up',
      headers: JSON_HEADERS,
      body: JSON.stringify({ email: `${handle}@surge.kuaan.test`, password: m.password, handle }),
    };
  };
}

export const SURGE_FEED = 'discover';
export const SURGE_SIGNUP_CONNECTIONS = 8;
