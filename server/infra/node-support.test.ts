import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MIN_NODE_MAJOR, unsupportedNodeReason } from './node-support.js';

describe('supported Node.js lines', () => {
  it('refuses an older line, naming the version it found and the one it needs', () => {
    const reason = unsupportedNodeReason('20.20.2');
    assert.ok(reason);
    assert.match(reason, /Node\.js 22 or newer/);
    assert.match(reason, /v20\.20\.2/);
  });

  it('accepts the oldest supported line and newer ones, including this one', () => {
    assert.equal(unsupportedNodeReason(`${MIN_NODE_MAJOR}.0.0`), null);
    assert.equal(unsupportedNodeReason('24.21.0'), null);
    assert.equal(unsupportedNodeReason(), null);
  });

  it('refuses a version it cannot read rather than guessing', () => {
    assert.ok(unsupportedNodeReason(''));
    assert.ok(unsupportedNodeReason('next'));
  });

  it('agrees with package.json "engines", which npm enforces at install (.npmrc engine-strict)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(pkg.engines.node, `>=${MIN_NODE_MAJOR}`);
    assert.match(readFileSync(new URL('../../.npmrc', import.meta.url), 'utf8'), /^engine-strict=true$/m);
  });
});
