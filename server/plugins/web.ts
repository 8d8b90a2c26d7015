import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Note } from '../../contract/notes.js';
import type { AppContext } from '../context.js';
import { sendProblem } from './errors.js';
import type { KuaanApp } from './types.js';
import { inCheckout } from '../paths.js';

const WEB_DIST = inCheckout('web/dist');
const OG_MARK = '<!--og-->';
/** Vite puts content-hashed files here: safe to cache for a year. */
const HASHED_PREFIX = '/assets/';
const NOTE_ID = /^[0-9a-zA-Z_-]{1,64}$/;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for an HTML attribute or text node: user text never becomes markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Open Graph and Twitter card tags, so a shared note link unfurls with its title, text and cover. */
export function openGraphTags(meta: { title: string; description: string; url: string; image?: string | null; type?: string }): string {
  const tags: Array<[string, string]> = [
    ['og:site_name', 'Kuaan 跨岸'],
    ['og:type', meta.type ?? 'website'],
    ['og:title', meta.title],
    ['og:description', meta.description],
    ['og:url', meta.url],
  ];
  if (meta.image) tags.push(['og:image', meta.image]);
  tags.push(['twitter:card', meta.image ? 'summary_large_image' : 'summary']);
  return [
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    ...tags.map(([p, c]) =>
      p.startsWith('twitter:')
        ? `<meta name="${p}" content="${escapeHtml(c)}" />`
        : `<meta property="${p}" content="${escapeHtml(c)}" />`,
    ),
  ].join('\n    ');
}

function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * Serves the built web app at / (one origin with the API): hashed assets with long caching, every
 * other page path falls back to index.html for the client router, and note pages carry Open Graph
 * tags rendered on the server. Missing build: a page that says how to build.
 */
export async function installWeb(app: KuaanApp, ctx: AppContext): Promise<void> {
  const indexPath = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(indexPath)) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('Kuaan API is running. The web app is not built: run `npm run build:web`.'),
    );
    return;
  }
  const indexHtml = fs.readFileSync(indexPath, 'utf8');
  const publicUrl = ctx.config.publicUrl.replace(/\/+$/, '');
  const defaultTags = openGraphTags({
    title: 'Kuaan 跨岸',
    description: 'Share life across the shore · 跨岸分享生活',
    url: `${publicUrl}/`,
  });

  const sendIndex = (reply: FastifyReply, tags: string) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml.replace(OG_MARK, tags));

  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (res, filePath) => {
      const rel = `/${path.relative(WEB_DIST, filePath).split(path.sep).join('/')}`;
      res.header('cache-control', rel.startsWith(HASHED_PREFIX) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    },
  });

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply, defaultTags));

  app.get<{ Params: { id: string } }>('/notes/:id', { schema: { hide: true } }, async (request, reply) => {
    const tags = NOTE_ID.test(request.params.id) ? await noteTags(request, request.params.id) : null;
    return sendIndex(reply, tags ?? defaultTags);
  });

  // Client-side routes: any other GET that is not the API or media gets the app shell.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url;
    if (url.startsWith('/api/') || url === '/api' || url.startsWith('/media/') || url.startsWith(HASHED_PREFIX)) {
      return sendProblem(request, reply, 404, 'route_not_found');
    }
    return sendIndex(reply, defaultTags);
  });

  /** A note's preview as an anonymous reader sees it: private and mutuals-only notes show nothing. */
  async function noteTags(request: FastifyRequest, id: string): Promise<string | null> {
    const res = await app.inject({
      method: 'GET',
      url: `/api/notes/${id}`,
      headers: { 'accept-language': String(request.headers['accept-language'] ?? 'en') },
    });
    if (res.statusCode !== 200) return null;
    const note = res.json() as Note;
    // A video note unfurls with its poster (video notes, issue 9).
    const cover = (note.images[0] ?? note.video?.poster)?.variants[0]?.url;
    return openGraphTags({
      type: 'article',
      title: truncate(note.title || note.body || note.author.displayName, 80),
      description: truncate(note.body || note.title, 200),
      url: `${publicUrl}/notes/${encodeURIComponent(note.id)}`,
      image: cover ? new URL(cover, `${publicUrl}/`).toString() : null,
    });
  }
}
