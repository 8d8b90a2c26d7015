import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Client } from './client.js';
import type { TestApp } from './harness.js';

export const PASSWORD = 'correct horse battery staple';

/** A unique handle for a test person; tests never assume an empty database. */
export function uniqueHandle(prefix = 'u'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** Signs up a new person through the real API and returns their signed-in client. */
export async function signUpUser(
  t: TestApp,
  overrides: { handle?: string; email?: string; phone?: string; country?: string; displayName?: string; uiLocale?: string } = {},
): Promise<Client> {
  const client = new Client(t);
  const handle = overrides.handle ?? uniqueHandle();
  const body: Record<string, unknown> = {
    handle,
    password: PASSWORD,
    displayName: overrides.displayName ?? handle,
    ...(overrides.uiLocale ? { uiLocale: overrides.uiLocale } : {}),
  };
  if (overrides.phone) {
    body.phone = overrides.phone;
    if (overrides.country) body.country = overrides.country;
  } else {
    body.email = overrides.email ?? `${handle}@example.com`;
  }
  const res = await client.post('/api/auth/sign-up', body);
  assert.equal(res.status, 201, `sign-up failed: ${res.text}`);
  client.userId = res.body.id;
  client.handle = res.body.handle;
  return client;
}

/** Several people at once (sign-ups hash passwords on the thread pool, so this runs in parallel). */
export function signUpUsers(t: TestApp, count: number): Promise<Client[]> {
  return Promise.all(Array.from({ length: count }, () => signUpUser(t)));
}
