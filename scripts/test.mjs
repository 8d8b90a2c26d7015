#!/usr/bin/env node
// `npm test`: typecheck, lint, then every test suite, stopping at the first failure.
// Steps whose folder does not exist yet are skipped; each prints its own runner summary, and a last
// line adds them up. `--test-force-exit`: a test that fails before closing a connection must not keep
// its file's process, and so CI, waiting forever (a Redis test once did).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// On too old a Node.js the suites would fail one by one (SQLite crashes there); say it once, first.
register();
(await import('../server/infra/node-support.ts')).exitIfUnsupportedNode();

const steps = [
  { name: 'typecheck (server)', cmd: ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck (web)', cmd: ['npx', 'tsc', '-p', 'web/tsconfig.json', '--noEmit'], when: 'web/tsconfig.json' },
  { name: 'lint', cmd: ['npx', 'biome', 'check', '.'] },
  // Before the suites: the tests that start `kuaan` as a process then run the build, as `npm start` does.
  { name: 'build server', cmd: ['node', 'scripts/build-server.mjs', '--if-needed'] },
  {
    name: 'server and contract tests',
    cmd: ['node', '--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=spec', 'server/**/*.test.ts', 'contract/**/*.test.ts'],
  },
  { name: 'web unit tests', cmd: ['node', '--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=spec', 'web/**/*.test.ts'], when: 'web/src' },
  { name: 'build web', cmd: ['npm', 'run', 'build:web'], when: 'web/index.html' },
  { name: 'browser tests', cmd: ['node', '--import', 'tsx', '--test', '--test-force-exit', '--test-concurrency=1', '--test-reporter=spec', 'e2e/**/*.test.ts'], when: 'e2e/harness.ts' },
  { name: 'benchmark smoke', cmd: ['npm', 'run', 'bench:smoke'], when: 'bench/run.ts' },
  { name: 'route sweep smoke', cmd: ['npm', 'run', 'bench:sweep', '--', '--smoke'], when: 'bench/route-sweep.ts' },
];

let passed = 0;
let failed = 0;
for (const step of steps) {
  if (step.when && !existsSync(step.when)) continue;
  console.log(`\n=== ${step.name} ===`);
  const code = await new Promise((resolve) => {
    const child = spawn(step.cmd[0], step.cmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      for (const m of String(chunk).matchAll(/^ℹ (pass|fail) (\d+)$/gm)) {
        if (m[1] === 'pass') passed += Number(m[2]);
        else failed += Number(m[2]);
      }
    });
    child.on('close', resolve);
  });
  if (code !== 0) {
    console.error(`\n✖ ${step.name} failed (exit ${code})`);
    console.log(`\n${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
