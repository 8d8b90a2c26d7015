import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildServer, isServerBuildFresh } from '../scripts/build-server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the server build in dist/ (ADR 0018)', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts as fresh only while it is newer than every source it was built from', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kuaan-build-'));
    dirs.push(root);
    const at = (file: string, seconds: number) => {
      const full = path.join(root, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      if (!fs.existsSync(full)) fs.writeFileSync(full, '');
      const t = new Date(Date.now() + seconds * 1000);
      fs.utimesSync(full, t, t);
    };
    at('server/app.ts', -60);
    at('server/db/checkpoint.worker.mjs', -60);
    at('contract/notes.ts', -60);
    at('server/app.test.ts', -60);
    assert.equal(isServerBuildFresh(root), false, 'never built');
    at('dist/server-build.json', -30);
    assert.equal(isServerBuildFresh(root), true);
    at('server/app.test.ts', 0);
    assert.equal(isServerBuildFresh(root), true, 'tests are not part of the build');
    at('contract/notes.ts', 0);
    assert.equal(isServerBuildFresh(root), false, 'a contract file saved after the build');
    at('contract/notes.ts', -60);
    at('server/db/checkpoint.worker.mjs', 0);
    assert.equal(isServerBuildFresh(root), false, 'a worker file copied into the build');
    at('server/db/checkpoint.worker.mjs', -60);
    at('server/new-module.ts', 0);
    assert.equal(isServerBuildFresh(root), false, 'a new source');
  });

  it('is what `kuaan serve` runs, and it finds the checkout files and worker threads the sources do', async () => {
    if (!isServerBuildFresh()) await buildServer();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuaan-dist-'));
    dirs.push(dataDir);
    // The embedded deployment, with a Discover thread (discover.worker.js) and SQLite's checkpoint thread
    // (a copied .mjs) both started.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', DISCOVER_THREADS: '1', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000' };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kuaan.mjs'), 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += String(c);
    });
    child.stderr.on('data', (c) => {
      stderr += String(c);
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    try {
      const deadline = Date.now() + 30_000;
      while (!/running at/.test(stdout) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      const m = /running at http:\/\/[^:]+:(\d+) .*code: ([^)]+)\)/.exec(stdout);
      assert.ok(m, `the server started; its output:\n${stdout}\n${stderr}`);
      assert.equal(m[2], 'the build in dist/');
      const base = `http://127.0.0.1:${m[1]}`;

      const stickers = (await (await fetch(`${base}/api/stickers`)).json()) as { packs: Array<{ id: string; stickers: unknown[] }> };
      assert.ok(stickers.packs.find((p) => p.id === 'kuaan')?.stickers.length, 'the built-in sticker art is read from the checkout');
      const rules = (await (await fetch(`${base}/api/rules`)).json()) as { rules: unknown[] };
      assert.ok(rules.rules.length > 0, 'the default rules are read from the checkout');

      const signUp = await fetch(`${base}/api/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ handle: 'dist_reader', email: 'dist_reader@example.com', password: 'correct horse battery' }),
      });
      assert.equal(signUp.status, 201, await signUp.clone().text());
      const cookie = signUp.headers.getSetCookie().find((c) => c.startsWith('kuaan_session='))!.split(';')[0]!;
      const discover = await fetch(`${base}/api/feed/discover`, { headers: { cookie } });
      assert.equal(discover.status, 200, `ranked on the Discover thread: ${await discover.clone().text()}`);
      assert.equal(stderr, '', 'no warnings: no thread or file fell back');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
