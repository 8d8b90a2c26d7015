import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from './test/client.js';
import { signUpUser } from './test/factories.js';
import { startTestApp, type TestApp, testDatabases } from './test/harness.js';

/**
 * Every endpoint in the OpenAPI document gets missing, wrong-typed, oversized and hostile values.
 * Whatever the endpoint, the answer is a problem document with a 4xx — never a 5xx, never a crash —
 * and the server keeps serving afterwards.
 */
const HOSTILE_STRINGS = [
  '',
  'x'.repeat(100_000),
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '\u202Egnp.exe',
  'a\u0000b',
  '\ud800',
  '../../../etc/passwd',
  '%00',
  '🧨'.repeat(5000),
];
const WRONG_TYPES: unknown[] = [null, 12345, -1, 1e308, true, [], {}, ['a'], { $gt: '' }];

interface Operation {
  method: string;
  path: string;
  body?: { properties?: Record<string, unknown> };
  hasQuery: boolean;
}

function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const json = op.requestBody?.content?.['application/json']?.schema;
      ops.push({ method: method.toUpperCase(), path, body: json, hasQuery: (op.parameters ?? []).some((p: any) => p.in === 'query') });
    }
  }
  return ops;
}

const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(value));

for (const kind of testDatabases()) {
  describe(`hostile input on every endpoint [${kind}]`, () => {
    let t: TestApp;
    let user: Client;
    let ops: Operation[];
    before(async () => {
      t = await startTestApp(kind);
      user = await signUpUser(t);
      ops = operationsOf((await user.get('/api/openapi.json')).body);
    });
    after(() => t.close());

    async function expectClean(method: string, url: string, body?: unknown, raw?: string) {
      const res = raw !== undefined ? await user.request(method, url, { raw }) : await user.request(method, url, body === undefined ? {} : { body });
      assert.ok(res.status < 500, `${method} ${url} ${raw ?? JSON.stringify(body)?.slice(0, 120)} → ${res.status} ${res.text.slice(0, 300)}`);
      if (res.status >= 400) assert.match(String(res.headers['content-type']), /application\/problem\+json/, `${method} ${url}`);
    }

    it('covers the API', () => {
      assert.ok(ops.length >= 10, `only ${ops.length} operations documented`);
    });

    it('survives hostile path parameters and query strings', async () => {
      for (const op of ops.filter((o) => o.path.includes('{'))) {
        for (const value of ['does-not-exist', "1' OR '1'='1", 'x'.repeat(150), '<svg onload=1>']) {
          await expectClean(op.method, fill(op.path, value), op.body ? {} : undefined);
        }
      }
      for (const op of ops.filter((o) => o.hasQuery && o.method === 'GET')) {
        const base = fill(op.path, 'does-not-exist');
        for (const q of ['limit=abc', 'limit=-5', 'limit=100000', 'cursor=%%%', 'cursor=bm90IGpzb24', `cursor=${'A'.repeat(600)}`, 'limit=1&limit=2']) {
          await expectClean('GET', `${base}?${q}`);
        }
      }
    });

    it('survives missing, wrong-typed, oversized and hostile bodies', async () => {
      for (const op of ops.filter((o) => o.body)) {
        const url = fill(op.path, 'does-not-exist');
        await expectClean(op.method, url, undefined, '{');
        await expectClean(op.method, url, undefined, '[]');
        await expectClean(op.method, url, undefined, '"just a string"');
        await expectClean(op.method, url, {});
        for (const prop of Object.keys(op.body!.properties ?? {})) {
          for (const v of [...WRONG_TYPES, ...HOSTILE_STRINGS]) await expectClean(op.method, url, { [prop]: v });
        }
      }
      assert.equal((await user.get('/api/health')).status, 200);
    });
  });
}
