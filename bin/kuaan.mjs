#!/usr/bin/env node
// Entry point for `npm start` and the `kuaan` command. Runs the server's JavaScript build in dist/
// when it is newer than every source (ADR 0018), otherwise the TypeScript sources through tsx, so an
// edit is never run stale.
import { isServerBuildFresh } from '../scripts/build-server.mjs';

const fromBuild = isServerBuildFresh();
if (!fromBuild) (await import('tsx/esm/api')).register();
const module = (name) => (fromBuild ? `../dist/server/${name}.js` : `../server/${name}.ts`);
(await import(module('infra/node-support'))).exitIfUnsupportedNode();
const { runCli } = await import(module('cli'));
await runCli(process.argv.slice(2));
