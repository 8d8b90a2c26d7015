import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PasswordHasher } from './password.js';

describe('password hashing', () => {
  it('hashes with argon2id and verifies; a null hash never verifies', async () => {
    const hasher = new PasswordHasher(2);
    const phc = await hasher.hash('correct horse battery staple');
    assert.match(phc, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await hasher.verify(phc, 'correct horse battery staple'), true);
    assert.equal(await hasher.verify(phc, 'wrong'), false);
    assert.equal(await hasher.verify(null, 'anything'), false);
    assert.equal(await hasher.verify('not a phc string', 'anything'), false);
  });

  it('never runs more hashes at once than its limit, and finishes them all', async () => {
    const hasher = new PasswordHasher(1);
    let maxActive = 0;
    let done = false;
    const sample = () => {
      maxActive = Math.max(maxActive, hasher.active);
      if (!done) setImmediate(sample);
    };
    sample();
    const hashes = await Promise.all(['a1', 'b2', 'c3', 'd4'].map((p) => hasher.hash(`password ${p}`)));
    done = true;
    assert.equal(maxActive, 1);
    assert.equal(hasher.active, 0);
    assert.equal(new Set(hashes).size, 4);
    assert.equal(await hasher.verify(hashes[2]!, 'password c3'), true);
  });
});
