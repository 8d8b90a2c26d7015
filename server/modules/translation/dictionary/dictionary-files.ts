/**
 * Whether the built dictionary files are present and current, and building them when not. A fresh
 * checkout that skipped the install hook still works: the build runs once, in a child process, so its
 * few hundred MB of peak memory never land in the server.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DICTIONARY_FORMAT } from './dictionary.build.js';
import { inCheckout } from '../../../paths.js';

const SCRIPT = inCheckout('scripts/build-dictionary.ts');

export function isBuilt(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    return manifest.format === DICTIONARY_FORMAT && existsSync(path.join(dir, 'entries.tsv'));
  } catch {
    return false;
  }
}

/** Builds the files in a child process (`scripts/build-dictionary.ts --if-missing`). */
export function buildInChild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--if-missing'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`building the dictionary failed (exit ${code}): ${stderr.slice(-500)}`)),
    );
  });
}
