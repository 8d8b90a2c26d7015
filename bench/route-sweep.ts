/**
 * `npm run bench:sweep -- [--size M] [--db sqlite|postgres] [--data dir] [--calls 5] [--q co] [--smoke]`
 *
 * Every GET route the server documents (its OpenAPI), called one at a time against the generated
 * community as a signed-in person: the first page, and the second when there is one. Path parameters
 * are filled from the data (the most-followed handle, a public note, the most-used topic); routes whose
 * parameters the data cannot fill are listed as skipped. Prints each route's median and slowest call,
 * slowest first. The scenarios load a dozen paths hard; this finds a path nobody loads that is slow on
 * its own (bench/route-sweep.md). `--smoke` (in `npm test`): a tiny community, one call each, and a
 * failure if any route answers with a server error.
 */
import { prepareData } from './prepare-data.js';
import { startServer } from './server-process.js';
import { dbFlag, flagReader } from './args.js';

const argv = process.argv.slice(2);
const get = flagReader(argv);
const smoke = argv.includes('--smoke');
const db = dbFlag(argv);
const calls = smoke ? 1 : Number(get('--calls') ?? 5);
// Bounded, like every load this harness makes: one at a time, at most 100 calls a route.
if (!(Number.isInteger(calls) && calls >= 1 && calls <= 100)) throw new Error('--calls must be a whole number from 1 to 100');
const { manifest, cleanup } = await prepareData({ smoke, db, size: get('--size') ?? 'M', dataDir: get('--data') ?? null }, console.log);
const headers = { cookie: `kuaan_session=${manifest.sessions[0]!.token}` };

/** Values for path parameters by name, from the generated data; a route needing another is skipped. */
const PARAMS: Record<string, string> = { handle: manifest.handles[0]!, name: manifest.topics[0]!, word: '火锅' };
/** `{id}` by the path it is in: a public note of the data, and a board and a comment found through the API. */
const IDS: Array<[RegExp, string | undefined]> = [[/^\/api\/(notes|moderation\/notes)\/\{id\}/, manifest.noteIds[0]]];
/** Query parameters by name, given wherever a route takes them (required or not). */
const QUERY: Record<string, string> = { q: get('--q') ?? 'co', text: '周末去成都吃火锅 hot pot weekend' };

interface OpenApi {
  paths: Record<string, { get?: { parameters?: Array<{ in: string; name: string; required?: boolean }> } }>;
}

function fill(template: string, query: Array<{ name: string; required?: boolean }>): string | null {
  let missing = false;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = name === 'id' ? IDS.find(([pattern]) => pattern.test(template))?.[1] : PARAMS[name];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  const search = new URLSearchParams();
  for (const p of query) {
    if (QUERY[p.name] !== undefined) search.set(p.name, QUERY[p.name]!);
    else if (p.required) missing = true;
  }
  if (missing) return null;
  return search.size ? `${path}?${search}` : path;
}

/** The id of the first item (or the first item's comment) that any of these pages lists. */
async function firstId(base: string, pages: string[]): Promise<string | undefined> {
  for (const page of pages) {
    const body = (await (await fetch(base + page, { headers })).json()) as { items?: Array<{ id?: string; comment?: { id: string } }> };
    const item = body.items?.[0];
    if (item) return item.id ?? item.comment?.id;
  }
  return undefined;
}

async function timed(url: string): Promise<{ ms: number; status: number; next: string | null }> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const text = await res.text();
  const ms = performance.now() - started;
  let next: string | null = null;
  try {
    next = (JSON.parse(text) as { nextCursor?: string | null }).nextCursor ?? null;
  } catch {
    // not JSON (a sticker image): no second page
  }
  return { ms, status: res.status, next };
}

const server = await startServer({ dataDir: manifest.dataDir, databaseUrl: manifest.databaseUrl });
try {
  await server.settle(900);
  const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApi;
  IDS.push([/^\/api\/boards\/\{id\}/, await firstId(server.url, manifest.handles.slice(0, 20).map((h) => `/api/users/${encodeURIComponent(h)}/boards`))]);
  IDS.push([/^\/api\/comments\/\{id\}/, await firstId(server.url, manifest.noteIds.slice(0, 20).map((id) => `/api/notes/${id}/comments`))]);
  const rows: Array<{ route: string; status: number; median: number; max: number }> = [];
  const skipped: string[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const parameters = item.get?.parameters;
    if (!item.get) continue;
    const path = fill(
      template,
      (parameters ?? []).filter((p) => p.in === 'query'),
    );
    if (path === null) {
      skipped.push(template);
      continue;
    }
    const pages: Array<[string, string]> = [[template, path]];
    const first = await timed(server.url + path); // also warms the route's statements and pages
    if (first.next) pages.push([`${template} (page 2)`, `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(first.next)}`]);
    for (const [route, url] of pages) {
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < calls; i++) {
        const r = await timed(server.url + url);
        times.push(r.ms);
        status = r.status;
      }
      times.sort((a, b) => a - b);
      rows.push({ route, status, median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! });
    }
  }
  rows.sort((a, b) => b.median - a.median);
  console.log(`route sweep ${manifest.size}-${db}: ${rows.length} pages, ${calls} calls each after one warm-up, one at a time`);
  for (const r of rows) console.log(`${r.median.toFixed(1).padStart(8)} ms median ${r.max.toFixed(1).padStart(8)} ms max  ${r.status}  ${r.route}`);
  console.log(`skipped (parameters the data does not fill): ${skipped.join(' ')}`);
  const failed = rows.filter((r) => r.status >= 500);
  if (failed.length > 0) {
    console.error(`server errors from ${failed.map((r) => r.route).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await server.stop();
  cleanup();
}
