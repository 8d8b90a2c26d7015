import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from './test/client.js';
import { startTestApp, type TestApp, testDatabases } from './test/harness.js';

for (const kind of testDatabases()) {
  describe(`app surface [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    it('reports health with the database it answered from', async () => {
      const res = await new Client(t).get('/api/health');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { status: 'ok', database: kind });
    });

    it('publishes an OpenAPI 3.1 document covering the API', async () => {
      const res = await new Client(t).get('/api/openapi.json');
      assert.equal(res.status, 200);
      assert.equal(res.body.openapi, '3.1.0');
      for (const path of ['/api/auth/sign-up', '/api/auth/sign-in', '/api/me', '/api/users/{handle}', '/api/health']) {
        assert.ok(res.body.paths[path], `${path} is documented`);
      }
      const signUp = res.body.paths['/api/auth/sign-up'].post;
      assert.ok(signUp.requestBody.content['application/json'].schema.properties.handle);
    });

    it('answers unknown API routes with a problem document in the caller language', async () => {
      const res = await new Client(t).get('/api/no-such-thing', { locale: 'zh-Hans' });
      assert.equal(res.status, 404);
      assert.equal(res.body.code, 'route_not_found');
      assert.equal(res.body.detail, '没有这个接口。');
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    });

    it('answers over-long and malformed addresses with problem documents, without echoing them', async () => {
      const c = new Client(t);
      // 414 from the router; 404 when the built web app's fallback route sees the path first.
      const long = await c.get(`/api/notes/${'a'.repeat(300)}`, { locale: 'zh-Hant' });
      assert.ok([404, 414].includes(long.status), String(long.status));
      assert.match(String(long.headers['content-type']), /application\/problem\+json/);
      assert.ok(['網址中的某一部分太長了。', '沒有這個介面。'].includes(long.body.detail), long.body.detail);
      assert.equal(long.text.includes('aaaaaaaaaa'), false);
      const bad = await c.get('/api/notes/%E0%A4%A');
      assert.ok(bad.status === 400 || bad.status === 404, String(bad.status));
      assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
    });

    it('refuses bodies over the size limit and unsupported content types', async () => {
      const c = new Client(t);
      const big = await c.request('POST', '/api/auth/sign-in', { raw: JSON.stringify({ login: 'x'.repeat(2 * 1024 * 1024), password: 'x' }) });
      assert.equal(big.status, 413);
      assert.equal(big.body.code, 'payload_too_large');
      const xml = await c.request('POST', '/api/auth/sign-in', { raw: '<login/>', contentType: 'application/xml' });
      assert.equal(xml.status, 415);
      assert.equal(xml.body.code, 'unsupported_media_type');
    });
  });
}
