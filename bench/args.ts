/** Command-line flags of the bench scripts, read one way everywhere. */
import type { DbKind } from './data/generate.js';

/** A reader of `--flag value` pairs from these arguments. */
export function flagReader(argv: string[]): (flag: string) => string | undefined {
  return (flag) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
}

/** `--db sqlite|postgres` (sqlite when absent); anything else is refused. */
export function dbFlag(argv: string[]): DbKind {
  const db = flagReader(argv)('--db') ?? 'sqlite';
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  return db;
}
