import path from 'node:path';

/**
 * The server runs either from its TypeScript sources (tests, `npm run dev`, a checkout edited since its
 * last build) or from their JavaScript build in dist/server (ADR 0018). Files that are not code (rules,
 * word lists, sticker art, the dictionary, the web build) are read from the checkout either way, found
 * from its root rather than from the module that reads them.
 */
export const RUNNING_FROM_SOURCES = import.meta.url.endsWith('.ts');

/** The checkout's root: this file is server/paths.ts or dist/server/paths.js. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, RUNNING_FROM_SOURCES ? '..' : '../..');

/** A path in the checkout, given from its root. */
export function inCheckout(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
