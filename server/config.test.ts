import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('has working defaults: embedded SQLite in ./data, port 3000, media on disk', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.databaseUrl, null);
    assert.equal(c.media.store, 'disk');
    assert.match(c.dataDir, /data$/);
    assert.equal(c.publicUrl, 'http://localhost:3000');
    assert.equal(c.cookieSecure, false);
    // Discover ranks on the event loop unless the operator gives it threads.
    assert.equal(c.discoverThreads, 0);
    assert.equal(loadConfig({ DISCOVER_THREADS: '2' }).discoverThreads, 2);
  });

  it('reads PostgreSQL, Redis and S3 settings', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/kuaan',
      REDIS_URL: 'redis://cache:6379',
      MEDIA_STORE: 's3',
      S3_BUCKET: 'media',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      PUBLIC_URL: 'https://kuaan.example/',
    });
    assert.equal(c.databaseUrl, 'postgres://u@db:5432/kuaan');
    // Named statements unless the operator's pooler cannot keep them (ADR 0017).
    assert.equal(c.databasePreparedStatements, true);
    assert.equal(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'off' }).databasePreparedStatements, false);
    assert.equal(c.redisUrl, 'redis://cache:6379');
    assert.deepEqual(c.media.store === 's3' && c.media.s3.bucket, 'media');
    assert.equal(c.publicUrl, 'https://kuaan.example');
    assert.equal(c.cookieSecure, true, 'https deployments get Secure cookies by default');
  });

  it('stops with one line naming the variable and the problem', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ PORT: 'abc' }, /^Invalid configuration: PORT must be a whole number \(got "abc"\)$/],
      [{ PORT: '70000' }, /^Invalid configuration: PORT must be between 0 and 65535/],
      [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must start with postgres:/],
      [{ DATABASE_URL: 'not a url' }, /^Invalid configuration: DATABASE_URL is not a valid URL$/],
      [{ MEDIA_STORE: 'ftp' }, /^Invalid configuration: MEDIA_STORE must be one of disk, s3/],
      [{ MEDIA_STORE: 's3' }, /^Invalid configuration: S3_BUCKET is required when MEDIA_STORE=s3$/],
      [{ COOKIE_SECURE: 'maybe' }, /^Invalid configuration: COOKIE_SECURE must be true or false/],
      [{ DATABASE_PREPARED_STATEMENTS: 'sometimes' }, /^Invalid configuration: DATABASE_PREPARED_STATEMENTS must be true or false/],
      [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL must be one of/],
      [{ DISCOVER_THREADS: '-1' }, /^Invalid configuration: DISCOVER_THREADS must be a whole number/],
      [{ DISCOVER_THREADS: '99' }, /^Invalid configuration: DISCOVER_THREADS must be between 0 and 16/],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => loadConfig(env),
        (err: unknown) => err instanceof ConfigError && message.test(err.message) && !err.message.includes('\n'),
        JSON.stringify(env),
      );
    }
  });
});
