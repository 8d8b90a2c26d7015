#!/usr/bin/env node
// Entry point for `npm start` and the `kuaan` command: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`Kuaan needs Node.js 22 or newer; this is ${process.version}. See README.md ("Requirements").`);
  process.exit(1);
}
register();
const { runCli } = await import('../server/cli.ts');
await runCli(process.argv.slice(2));
