#!/usr/bin/env node
// Runs on `npm install`: builds the web app so `npm start` serves it. Skipped when there is no web
// app yet or the build is newer than every web source file.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');
if (!existsSync(path.join(web, 'index.html'))) process.exit(0);

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const contract = path.join(root, 'contract');
if (existsSync(built) && statSync(built).mtimeMs > Math.max(newest(web), newest(contract))) process.exit(0);
execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
