import type { KuaanApp } from '../plugins/types.js';
import { DEMO_FOLLOWS, DEMO_NOTES, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-content.js';
import { demoPicture } from './demo-images.js';
import { seedCorner } from './seed-corner.js';

interface Session {
  cookie: string;
}

/**
 * Seeds the demo community through the app's own HTTP API, exactly as people would create it, so
 * the demo always obeys the same rules as real use. Does nothing when the demo people exist.
 */
export async function seedDemo(app: KuaanApp, publicUrl: string): Promise<{ seeded: boolean }> {
  const origin = new URL(publicUrl).origin;
  const call = async (method: string, url: string, session: Session | null, body?: unknown) => {
    const res = await app.inject({
      method: method as 'POST',
      url,
      headers: { origin, ...(session ? { cookie: session.cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    if (res.statusCode >= 400) throw new Error(`demo seed: ${method} ${url} → ${res.statusCode} ${res.payload}`);
    return res;
  };

  const first = DEMO_PEOPLE[0]!;
  const exists = await app.inject({ method: 'GET', url: `/api/users/${first.handle}` });
  if (exists.statusCode === 200) return { seeded: false };

  const sessions = new Map<string, Session>();
  for (const p of DEMO_PEOPLE) {
    const res = await call('POST', '/api/auth/sign-up', null, {
      handle: p.handle,
      email: `${p.handle.replace('.', '_')}@demo.kuaan.invalid`,
      password: DEMO_PASSWORD,
      displayName: p.displayName,
      uiLocale: p.uiLocale,
    });
    const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const session = { cookie };
    sessions.set(p.handle, session);
    const avatar = await upload(app, origin, session, await demoPicture(p.palette, p.handle.length, 400, 400));
    await call('PATCH', '/api/me', session, {
      bio: p.bio,
      region: p.region,
      languages: p.languages,
      avatarMediaId: avatar,
      onboarded: true,
    });
  }
  for (const [follower, followee] of DEMO_FOLLOWS) {
    await call('POST', `/api/users/${followee}/follow`, sessions.get(follower)!);
  }
  let seed = 1;
  for (const n of DEMO_NOTES) {
    const author = DEMO_PEOPLE.find((p) => p.handle === n.author)!;
    const session = sessions.get(n.author)!;
    const images = [];
    for (let i = 0; i < n.images; i++) {
      images.push({ mediaId: await upload(app, origin, session, await demoPicture(author.palette, seed++)), alt: n.alts?.[i] ?? '' });
    }
    const created = await call('POST', '/api/notes', session, {
      type: n.images ? 'photo' : 'text',
      title: n.title,
      body: n.body,
      ...(n.images ? { images } : {}),
    });
    const noteId = (created.json() as { id: string }).id;
    for (const liker of n.likedBy ?? []) await call('POST', `/api/notes/${noteId}/like`, sessions.get(liker)!);
    for (const collector of n.collectedBy ?? []) await call('POST', `/api/notes/${noteId}/collect`, sessions.get(collector)!, {});
    for (const c of n.comments ?? []) {
      const res = await call('POST', `/api/notes/${noteId}/comments`, sessions.get(c.author)!, { body: c.body });
      const commentId = (res.json() as { id: string }).id;
      for (const r of c.replies ?? []) {
        await call('POST', `/api/notes/${noteId}/comments`, sessions.get(r.author)!, { body: r.body, parentId: commentId });
      }
    }
  }
  // English Corner / 中文角 (issue 8)
  await seedCorner(call, DEMO_PEOPLE, sessions);
  return { seeded: true };
}

async function upload(app: KuaanApp, origin: string, session: Session, jpeg: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'demo.jpg');
  const request = new Request('http://demo/', { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  const res = await app.inject({
    method: 'POST',
    url: '/api/media',
    headers: { origin, cookie: session.cookie, 'content-type': request.headers.get('content-type')! },
    payload,
  });
  if (res.statusCode !== 201) throw new Error(`demo seed: upload → ${res.statusCode} ${res.payload}`);
  return (res.json() as { id: string }).id;
}
