/**
 * The Node.js lines Kuaan runs on. package.json's "engines" says the same (a test keeps the two
 * together), and `.npmrc` makes `npm install` refuse an older Node outright.
 */
export const MIN_NODE_MAJOR = 22;

/** Why this Node.js cannot run Kuaan, or null when it can. */
export function unsupportedNodeReason(version: string = process.versions.node): string | null {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) return null;
  return `Kuaan needs Node.js ${MIN_NODE_MAJOR} or newer; this is v${version} (${process.execPath}). See README.md ("Requirements").`;
}

/** Throws the reason when this Node.js cannot run Kuaan. */
export function assertSupportedNode(): void {
  const reason = unsupportedNodeReason();
  if (reason) throw new Error(reason);
}

/** For command entry points (`npm start`, `npm test`): print the reason and exit instead of a stack. */
export function exitIfUnsupportedNode(): void {
  const reason = unsupportedNodeReason();
  if (!reason) return;
  console.error(reason);
  process.exit(1);
}
