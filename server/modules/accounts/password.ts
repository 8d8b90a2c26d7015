import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;
// OWASP's argon2id baseline (19 MiB, 2 passes).
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A PHC-format argon2id hash of the password (unthrottled: for tools such as the bench generator). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * Password hashing for the server. @node-rs/argon2 runs on libuv's thread pool, off the event loop,
 * but four pool threads hashing at once take every core of a small machine and feeds starve during
 * a sign-up storm (bench/findings.md, surge). So at most `cores − 1` hashes run at a time (at least
 * one; the context also leaves a core for each Discover thread); the rest wait their turn, and
 * sign-ups slow down instead of everything else.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  // Verified against when no account matches, so a wrong login takes as long as a wrong password.
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly concurrency = Math.max(1, availableParallelism() - 1)) {}

  /** Hashes running right now (for tests and metrics). */
  get active(): number {
    return this.running;
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** A PHC-format argon2id hash of the password. */
  hash(password: string): Promise<string> {
    return this.limited(() => hashPassword(password));
  }

  /** True when the password matches; with a null hash, spends the same time and returns false. */
  async verify(phc: string | null, password: string): Promise<boolean> {
    if (phc === null) {
      this.dummyHash ??= this.hash('kuaan-timing-equalizer');
      const dummy = await this.dummyHash;
      await this.limited(() => verify(dummy, password)).catch(() => false);
      return false;
    }
    return this.limited(() => verify(phc, password)).catch(() => false);
  }
}
