#!/usr/bin/env node
// Compiles the server's TypeScript (server/, contract/) to plain JavaScript in dist/, file by file, so
// that `kuaan` runs without tsx (ADR 0018). `--if-needed` skips the build when dist/ is newer than every
// source. Runs on `npm install`, before `npm start` and `npm run demo`, in `npm test` and before benchmarks.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['server', 'contract'];
/** Written last: its time is the build's, and without it dist/ counts as unbuilt. */
const STAMP = 'server-build.json';

/** Every file the build reads, as paths relative to root: sources to compile and .mjs files to copy. */
function sources(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) found.push(rel);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(root, dir))) walk(dir);
  return found;
}

/** True when dist/ holds a build newer than every source file (tests excluded: they are not built). */
export function isServerBuildFresh(root = ROOT) {
  const stamp = path.join(root, 'dist', STAMP);
  if (!existsSync(stamp)) return false;
  const builtAt = statSync(stamp).mtimeMs;
  return sources(root).every((file) => statSync(path.join(root, file)).mtimeMs < builtAt);
}

/**
 * Builds into a fresh folder beside dist/ and then swaps it in, so a server starting meanwhile finds
 * either the old build whole or none (and runs the sources). esbuild strips types file by file: no
 * bundling, so `import.meta.url`, worker files and the import graph stay as in the sources.
 */
export async function buildServer(root = ROOT) {
  const { build } = await import('esbuild');
  // The stamp carries the time the build began: a source saved while it ran is newer, so stale.
  const began = new Date();
  const files = sources(root);
  const staging = path.join(root, 'dist', `.server-build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => path.join(root, f)),
    outdir: staging,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    tsconfig: path.join(root, 'tsconfig.json'),
    // Linked maps without the sources' text (they are in the checkout): NODE_OPTIONS=--enable-source-maps
    // turns stack traces back into TypeScript lines; off by default, since Node then keeps every map.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  for (const file of files.filter((f) => f.endsWith('.mjs'))) {
    mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(staging, file));
  }
  rmSync(path.join(root, 'dist', STAMP), { force: true });
  for (const dir of SOURCE_DIRS) {
    rmSync(path.join(root, 'dist', dir), { recursive: true, force: true });
    if (existsSync(path.join(staging, dir))) renameSync(path.join(staging, dir), path.join(root, 'dist', dir));
  }
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(path.join(root, 'dist', STAMP), `${JSON.stringify({ files: files.length, began: began.toISOString() })}\n`);
  utimesSync(path.join(root, 'dist', STAMP), began, began);
  return files.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--if-needed') && isServerBuildFresh()) process.exit(0);
  const started = Date.now();
  const count = await buildServer();
  console.log(`Built the server: ${count} files into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
