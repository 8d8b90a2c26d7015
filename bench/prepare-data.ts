/** The generated community a bench command runs on: a throwaway tiny one for smoke runs, else size's. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DbKind, defaultOut, generate, type Manifest, readManifest } from './data/generate.js';
import { SIZES } from './data/sizes.js';

export interface DataChoice {
  smoke: boolean;
  size: string;
  db: DbKind;
  /** Generated data elsewhere than data/bench/<size>-<db>. */
  dataDir: string | null;
}

/** Smoke: generated afresh into a temporary folder that `cleanup` removes. Otherwise generated once and kept. */
export async function prepareData(choice: DataChoice, log: (line: string) => void): Promise<{ manifest: Manifest; cleanup: () => void }> {
  if (choice.smoke) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kuaan-bench-smoke-'));
    const manifest = await generate({
      size: SIZES.smoke!,
      db: choice.db,
      out: dir,
      ...(choice.db === 'postgres' ? { databaseUrl: 'postgres://postgres@127.0.0.1:5432/kuaan_bench_smoke' } : {}),
      log: () => {},
    });
    return { manifest, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const dir = choice.dataDir ? path.resolve(choice.dataDir) : defaultOut(choice.size, choice.db);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    log(`no generated data in ${dir}: generating size ${choice.size} first (npm run bench:data -- --size ${choice.size})`);
    await generate({ size: SIZES[choice.size]!, db: choice.db, out: dir });
  }
  return { manifest: readManifest(dir), cleanup: () => {} };
}
