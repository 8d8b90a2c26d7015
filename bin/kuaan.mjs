#!/usr/bin/env node
// Entry point for `npm start` and the `kuaan` command: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
(await import('../server/infra/node-support.ts')).exitIfUnsupportedNode();
const { runCli } = await import('../server/cli.ts');
await runCli(process.argv.slice(2));
