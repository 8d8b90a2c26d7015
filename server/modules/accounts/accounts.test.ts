import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '../../test/client.js';
import { PASSWORD, signUpUser, uniqueHandle } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';

for (const kind of testDatabases()) {
  describe(`accounts [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    it('signs up with an email, reads /api/me, signs out and back in by email, handle and case', async () => {
      const handle = uniqueHandle('Mei');
      const alice = await signUpUser(t, { handle, email: `${handle}@Example.COM` });
      const me = await alice.get('/api/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.handle, handle);
      assert.equal(me.body.email, `${handle.toLowerCase()}@example.com`);
      assert.equal(me.body.contactVerified, false);

      assert.equal((await alice.post('/api/auth/sign-out')).status, 200);
      assert.equal(alice.cookie, null);
      assert.equal((await alice.get('/api/me')).status, 401);

      for (const login of [`${handle}@example.com`, handle, handle.toUpperCase()]) {
        const c = new Client(t);
        const res = await c.post('/api/auth/sign-in', { login, password: PASSWORD });
        assert.equal(res.status, 200, `${login}: ${res.text}`);
        assert.equal((await c.get('/api/me')).body.handle, handle);
      }
    });

    it('signs up with a phone number in any country and signs in with it', async () => {
      const cn = await signUpUser(t, { phone: '138 0013 8000', country: 'CN' });
      assert.equal((await cn.get('/api/me')).body.phone, '+8613800138000');
      const us = await signUpUser(t, { phone: '+1 (415) 555-2671' });
      assert.equal((await us.get('/api/me')).body.phone, '+14155552671');
      const ke = await signUpUser(t, { phone: '+254 712 345678' });
      assert.equal((await ke.get('/api/me')).body.phone, '+254712345678');

      const c = new Client(t);
      assert.equal((await c.post('/api/auth/sign-in', { login: '13800138000', country: 'CN', password: PASSWORD })).status, 200);
    });

    it('refuses bad sign-ups with a 4xx naming the problem, in the caller language', async () => {
      const c = new Client(t);
      const base = { handle: uniqueHandle(), password: PASSWORD };
      const cases: Array<[unknown, number, string, string?]> = [
        [{ ...base }, 400, 'contact_required'],
        [{ ...base, email: 'a@b.co', phone: '+14155552671' }, 400, 'contact_required'],
        [{ ...base, email: 'not-an-email' }, 400, 'email_invalid', 'email'],
        [{ ...base, phone: '12345' }, 400, 'phone_invalid', 'phone'],
        [{ ...base, email: 'x@example.com', handle: 'ab' }, 400, 'handle_invalid', 'handle'],
        [{ ...base, email: 'x@example.com', handle: 'a b c' }, 400, 'handle_invalid', 'handle'],
        [{ ...base, email: 'x@example.com', handle: "x'; DROP TABLE users;--" }, 400, 'handle_invalid', 'handle'],
        [{ ...base, email: 'x@example.com', handle: 'Admin' }, 400, 'handle_reserved', 'handle'],
        [{ ...base, email: 'x@example.com', password: 'short' }, 400, 'password_weak', 'password'],
        [{ ...base, email: 'x@example.com', displayName: 'evil\u202Eeman' }, 400, 'text_bidi_chars', 'displayName'],
        [{ ...base, email: 'x@example.com', displayName: 'a\u0000b' }, 400, 'text_control_chars', 'displayName'],
        [{ ...base, email: 'x@example.com', displayName: 'x'.repeat(41) }, 400, 'text_too_long', 'displayName'],
        [{ ...base, email: 12 }, 400, 'validation_failed', 'email'],
        [{ ...base, email: 'x@example.com', isAdmin: true }, 400, 'validation_failed', 'isAdmin'],
        [{ password: PASSWORD, email: 'x@example.com' }, 400, 'validation_failed', 'handle'],
      ];
      for (const [body, status, code, field] of cases) {
        const res = await c.post('/api/auth/sign-up', body);
        assert.equal(res.status, status, `${JSON.stringify(body)} → ${res.text}`);
        assert.equal(res.body.code, code, JSON.stringify(body));
        assert.match(String(res.headers['content-type']), /application\/problem\+json/);
        if (field) assert.equal(res.body.field, field, JSON.stringify(body));
      }
      const zh = await c.post('/api/auth/sign-up', { ...base, email: 'bad' }, { locale: 'zh-Hans' });
      assert.equal(zh.body.detail, '邮箱地址无效。');
      const hant = await c.post('/api/auth/sign-up', { ...base, email: 'bad' }, { headers: { 'accept-language': 'zh-TW,zh;q=0.9' } });
      assert.equal(hant.body.detail, '電子郵件地址無效。');
      const missing = await c.post('/api/auth/sign-up', { password: PASSWORD, email: 'x@example.com' }, { locale: 'zh-Hans' });
      assert.equal(missing.body.detail, 'handle：为必填项');
    });

    it('refuses malformed JSON, invalid UTF-8 and prototype pollution without writing anything', async () => {
      const c = new Client(t);
      const bad = await c.request('POST', '/api/auth/sign-up', { raw: '{"handle": "x",' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'invalid_json');
      const invalidUtf8 = Buffer.concat([Buffer.from('{"handle":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
      const utf = await c.request('POST', '/api/auth/sign-up', { raw: invalidUtf8 });
      assert.equal(utf.body.code, 'invalid_utf8');
      const proto = await c.request('POST', '/api/auth/sign-up', { raw: '{"__proto__": {"role": "admin"}}' });
      assert.equal(proto.status, 400);
      const lone = await c.request('POST', '/api/auth/sign-up', {
        raw: `{"handle":"${uniqueHandle()}","email":"lone@example.com","password":"${PASSWORD}","displayName":"\\ud800x"}`,
      });
      assert.equal(lone.body.code, 'text_invalid_unicode');
      const count = await t.ctx.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('email', '=', 'lone@example.com').executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0);
    });

    it('keeps handles, emails and phones unique, case-insensitively, even when sign-ups race', async () => {
      const handle = uniqueHandle('Dup');
      await signUpUser(t, { handle });
      const again = await new Client(t).post('/api/auth/sign-up', { handle: handle.toUpperCase(), email: `${uniqueHandle()}@example.com`, password: PASSWORD });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'handle_taken');

      const racer = uniqueHandle('race');
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          new Client(t).post('/api/auth/sign-up', { handle: racer, email: `${racer}${i}@example.com`, password: PASSWORD }),
        ),
      );
      assert.equal(results.filter((r) => r.status === 201).length, 1);
      for (const r of results.filter((r) => r.status !== 201)) assert.equal(r.body.code, 'handle_taken');
    });

    it('rejects a wrong password or unknown login with the same message', async () => {
      const u = await signUpUser(t);
      const c = new Client(t);
      const wrong = await c.post('/api/auth/sign-in', { login: u.handle, password: 'wrong password!' });
      const unknown = await c.post('/api/auth/sign-in', { login: 'nobody_here_xyz', password: 'wrong password!' });
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      assert.equal(wrong.body.detail, unknown.body.detail);
    });

    it('lists and revokes sessions; changing the password signs out the other sessions', async () => {
      const a = await signUpUser(t);
      const b = new Client(t);
      assert.equal((await b.post('/api/auth/sign-in', { login: a.handle, password: PASSWORD })).status, 200);
      const sessions = await a.get('/api/auth/sessions');
      assert.equal(sessions.body.length, 2);
      assert.equal(sessions.body.filter((s: { current: boolean }) => s.current).length, 1);

      const other = sessions.body.find((s: { current: boolean }) => !s.current);
      assert.equal((await a.delete(`/api/auth/sessions/${other.id}`)).status, 200);
      assert.equal((await b.get('/api/me')).status, 401);

      // Someone else's session id is simply not found.
      const c = await signUpUser(t);
      const mine = (await a.get('/api/auth/sessions')).body[0];
      assert.equal((await c.delete(`/api/auth/sessions/${mine.id}`)).status, 404);

      const d = new Client(t);
      await d.post('/api/auth/sign-in', { login: a.handle, password: PASSWORD });
      const bad = await a.post('/api/auth/password', { currentPassword: 'nope nope', newPassword: 'a new long password' });
      assert.equal(bad.body.code, 'password_incorrect');
      assert.equal((await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a new long password' })).status, 200);
      assert.equal((await d.get('/api/me')).status, 401);
      assert.equal((await a.get('/api/me')).status, 200);
      assert.equal((await new Client(t).post('/api/auth/sign-in', { login: a.handle, password: 'a new long password' })).status, 200);
    });

    it('verifies the contact with a code sent through the sender; wrong codes are limited', async () => {
      const u = await signUpUser(t);
      assert.equal((await u.post('/api/auth/verification/send')).status, 200);
      const sent = t.sentCodes.at(-1)!;
      assert.equal(sent.target, `${u.handle}@example.com`);
      assert.match(sent.code, /^\d{6}$/);
      const wrong = sent.code === '000000' ? '111111' : '000000';
      assert.equal((await u.post('/api/auth/verification', { code: wrong })).body.code, 'code_invalid');
      const ok = await u.post('/api/auth/verification', { code: sent.code });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.contactVerified, true);
      assert.equal((await u.post('/api/auth/verification', { code: sent.code })).body.code, 'code_invalid');
    });

    it('updates the profile and languages; refuses bad language tags and others’ media', async () => {
      const u = await signUpUser(t);
      const res = await u.patch('/api/me', {
        displayName: '小美 Mei',
        bio: 'Cooking 🍜 and 二胡\nin Chengdu',
        region: 'CN',
        uiLocale: 'zh-Hans',
        languages: [
          { lang: 'zh-hans', kind: 'native' },
          { lang: 'en', kind: 'learning', level: 3 },
        ],
        onboarded: true,
      });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.displayName, '小美 Mei');
      assert.equal(res.body.onboarded, true);
      assert.deepEqual(
        res.body.languages.map((l: { lang: string; kind: string; level: number | null }) => [l.lang, l.kind, l.level]),
        [['zh-Hans', 'native', null], ['en', 'learning', 3]],
      );
      // The UI language setting now decides the language of errors.
      const err = await u.patch('/api/me', { languages: [{ lang: '!!', kind: 'native' }] });
      assert.equal(err.body.code, 'language_invalid');
      assert.match(err.body.detail, /不是有效的语言代码/);
      assert.equal((await u.patch('/api/me', { avatarMediaId: '0190aaaa-0000-7000-8000-000000000000' })).body.code, 'media_not_yours');
      assert.equal((await u.patch('/api/me', { languages: [{ lang: 'en', kind: 'learning', level: 9 }] })).status, 400);

      const profile = await new Client(t).get(`/api/users/${u.handle.toUpperCase()}`);
      assert.equal(profile.status, 200);
      assert.equal(profile.body.displayName, '小美 Mei');
      assert.equal(profile.body.email, undefined);
      assert.equal((await new Client(t).get('/api/users/nobody_at_all')).status, 404);
    });

    it('keeps interests as cleaned, de-duplicated tags in order, shown on the profile', async () => {
      const u = await signUpUser(t);
      const res = await u.patch('/api/me', { interests: ['Food', '#travel', '二胡', 'food', ' Hiking '] });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.interests, ['food', 'travel', '二胡', 'hiking']);
      assert.deepEqual((await new Client(t).get(`/api/users/${u.handle}`)).body.interests, ['food', 'travel', '二胡', 'hiking']);
      assert.deepEqual((await u.patch('/api/me', { interests: ['music'] })).body.interests, ['music']);
      const bad = await u.patch('/api/me', { interests: ['x'.repeat(33)] });
      assert.equal(bad.body.code, 'text_too_long');
      assert.equal((await u.patch('/api/me', { interests: Array.from({ length: 21 }, (_, i) => `t${i}`) })).status, 400);
      assert.equal((await u.patch('/api/me', { interests: ['a\u202Eb'] })).body.code, 'text_bidi_chars');
      assert.deepEqual((await u.get('/api/me')).body.interests, ['music'], 'refused updates change nothing');
    });

    it('refuses state-changing requests from another origin', async () => {
      const u = await signUpUser(t);
      const res = await u.patch('/api/me', { bio: 'hijacked' }, { headers: { origin: 'https://evil.example' } });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'csrf_rejected');
      const res2 = await u.request('PATCH', '/api/me', { body: { bio: 'hijacked' }, headers: { origin: '', 'sec-fetch-site': 'cross-site' } });
      assert.equal(res2.status, 403);
      assert.equal((await u.get('/api/me')).body.bio, '');
    });
  });
}

describe('sign-up and sign-in rate limits', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('sqlite', { RATE_LIMIT_SIGNIN_PER_MINUTE: '3', RATE_LIMIT_SIGNUP_PER_HOUR: '2' });
  });
  after(() => t.close());

  it('answers 429 with a localized retry hint once the limit is spent', async () => {
    await signUpUser(t);
    await signUpUser(t);
    const third = await new Client(t).post('/api/auth/sign-up', { handle: uniqueHandle(), email: 'z@example.com', password: PASSWORD }, { locale: 'zh-Hant' });
    assert.equal(third.status, 429);
    assert.equal(third.body.code, 'rate_limited');
    assert.match(third.body.detail, /請求過於頻繁/);
    const c = new Client(t);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await c.post('/api/auth/sign-in', { login: 'x_nobody', password: 'whatever1' })).status);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
  });
});
