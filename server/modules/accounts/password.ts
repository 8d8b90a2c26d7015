import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes). @node-rs/argon2 runs on libuv's thread pool, so a
// storm of sign-ups does not block the event loop that serves feeds.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A PHC-format argon2id hash of the password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when no account matches, so a wrong login takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;

/** True when the password matches; with a null hash, spends the same time and returns false. */
export async function verifyPassword(phc: string | null, password: string): Promise<boolean> {
  if (phc === null) {
    dummyHash ??= hashPassword('kuaan-timing-equalizer');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}
