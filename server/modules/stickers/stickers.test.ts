import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '../../test/client.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { loadStickerCatalog } from './stickers.catalog.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const label = (en: string) => ({ en, 'zh-Hans': en, 'zh-Hant': en });

function capture() {
  const lines: string[] = [];
  return { lines, log: { warn: (_o: unknown, msg: string) => lines.push(msg), info: () => {} } as never };
}

async function pack(root: string, id: string, manifest: unknown, files: Record<string, Buffer | string> = {}) {
  const dir = path.join(root, 'stickers', id);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'pack.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  for (const [name, body] of Object.entries(files)) await fs.writeFile(path.join(dir, name), body);
}

describe('sticker packs', () => {
  it('loads the built-in pack: twelve original stickers with English and Chinese codes', () => {
    const { lines, log } = capture();
    const catalog = loadStickerCatalog(path.join(os.tmpdir(), 'kuaan-no-such-dir'), log);
    assert.deepEqual(lines, []);
    const builtIn = catalog.packs.find((p) => p.id === 'kuaan')!;
    assert.equal(builtIn.stickers.length, 12);
    for (const s of builtIn.stickers) {
      assert.ok(s.label.en && s.label['zh-Hans'] && s.label['zh-Hant'], s.code);
      const file = catalog.files.get(s.url.replace('/stickers/', ''))!;
      assert.equal(file.contentType, 'image/svg+xml');
      assert.match(file.body.toString(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    assert.equal(catalog.byCode.get('笑哭')?.code, 'laugh');
    assert.equal(catalog.byCode.get('火鍋')?.code, 'hotpot');
  });

  it('adds operator packs and refuses bad ones whole, with a log line saying why', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-stickers-'));
    try {
      await pack(root, 'cats', { name: label('Cats'), stickers: [{ code: 'meow', aliases: ['喵'], file: 'meow.png', label: label('Meow') }] }, { 'meow.png': PNG });
      await pack(root, 'broken-json', '{ nope');
      await pack(root, 'traversal', { name: label('T'), stickers: [{ code: 'x1', file: '../../etc/passwd.png', label: label('x') }] });
      await pack(root, 'fake-png', { name: label('F'), stickers: [{ code: 'x2', file: 'a.png', label: label('x') }] }, { 'a.png': '<html>' });
      await pack(root, 'scripted', { name: label('S'), stickers: [{ code: 'x3', file: 'a.svg', label: label('x') }] }, {
        'a.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      });
      await pack(root, 'taken', { name: label('D'), stickers: [{ code: 'LAUGH', file: 'a.png', label: label('x') }] }, { 'a.png': PNG });
      await pack(root, 'nolabel', { name: { en: 'x' }, stickers: [{ code: 'x4', file: 'a.png', label: label('x') }] }, { 'a.png': PNG });
      await pack(root, 'Bad Name', { name: label('B'), stickers: [] });
      const { lines, log } = capture();
      const catalog = loadStickerCatalog(root, log);
      assert.deepEqual(
        catalog.packs.map((p) => p.id),
        ['kuaan', 'cats'],
      );
      assert.equal(catalog.byCode.get('喵')?.url, '/stickers/cats/meow.png');
      const why = lines.join('\n');
      for (const expected of [
        /"Bad Name" refused: the folder name/,
        /"broken-json" refused: pack.json is missing or not valid JSON/,
        /"fake-png" refused: a.png is not a valid PNG file/,
        /"nolabel" refused: name.zh-Hans must be/,
        /"scripted" refused: a.svg contains scripts/,
        /"taken" refused: stickers\[0\]: code \[LAUGH\] is already used/,
        /"traversal" refused: stickers\[0\].file must be a plain file name/,
      ]) {
        assert.match(why, expected);
      }
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});

for (const kind of testDatabases()) {
  describe(`sticker routes [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    it('lists packs with codes, labels in three languages and URLs', async () => {
      const res = await new Client(t).get('/api/stickers');
      assert.equal(res.status, 200);
      const kuaan = res.body.packs.find((p: any) => p.id === 'kuaan');
      assert.equal(kuaan.name['zh-Hant'], '跨岸');
      const laugh = kuaan.stickers.find((s: any) => s.code === 'laugh');
      assert.deepEqual(laugh.aliases, ['笑哭']);
      assert.equal(laugh.url, '/stickers/kuaan/laugh.svg');
    });

    it('serves sticker SVGs with a safe type and a CSP that forbids scripts, and nothing else', async () => {
      const c = new Client(t);
      const res = await c.get('/stickers/kuaan/laugh.svg');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'image/svg+xml');
      assert.equal(res.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(res.text, /<svg/);
      for (const url of [
        '/stickers/kuaan/nope.svg',
        '/stickers/kuaan/pack.json',
        '/stickers/kuaan/..%2F..%2Fstickers.routes.ts',
        '/stickers/..%2F..%2F..%2Fpackage.json/x.svg',
        '/stickers/other/laugh.svg',
      ]) {
        assert.equal((await c.get(url)).status, 404, url);
      }
    });
  });
}
