// How the server serves the built app: client routes fall back to the shell, hashed assets are
// cached for good, the shell never is, and unknown API paths stay JSON problems.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Server, startServer } from './harness.js';

let server: Server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

test('client routes get the app shell with default Open Graph tags, never cached', async () => {
  for (const path of ['/', '/following', '/users/someone', '/topics/%E6%B7%A1%E6%B0%B4', '/settings', '/notes/unknown-id']) {
    const res = await fetch(`${server.url}${path}`);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(res.headers.get('cache-control'), 'no-cache', path);
    const html = await res.text();
    assert.match(html, /<div id="root"><\/div>/);
    assert.match(html, /og:site_name/);
  }
});

test('hashed assets are immutable; API and media misses are problems, not the shell', async () => {
  const html = await (await fetch(server.url)).text();
  const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  assert.ok(asset);
  const res = await fetch(`${server.url}${asset}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  for (const path of ['/api/nothing-here', '/assets/missing.js']) {
    const miss = await fetch(`${server.url}${path}`);
    assert.equal(miss.status, 404, path);
    assert.match(miss.headers.get('content-type') ?? '', /problem\+json/, path);
  }
});
