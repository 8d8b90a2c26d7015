/**
 * The translation port: one interface every remote provider implements, plus the HTTP discipline
 * they share — a timeout per request, a cap on requests in flight, and 429 back-off that honours
 * Retry-After. A provider that fails throws ProviderError; the service then serves the gloss.
 */

export interface TranslateRequest {
  texts: string[];
  /** BCP 47 source (en, zh-Hans …), or null to let the provider detect it. */
  source: string | null;
  target: string;
}

export interface TranslationProvider {
  readonly name: 'deepl' | 'libretranslate' | 'openai';
  /** One batched call: returns exactly one translation per input text, in order. */
  translate(request: TranslateRequest): Promise<string[]>;
}

export type ProviderFailure = 'timeout' | 'rate_limited' | 'quota' | 'auth' | 'unavailable' | 'bad_response' | 'rejected';

export class ProviderError extends Error {
  constructor(
    readonly reason: ProviderFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface HttpPolicy {
  timeoutMs: number;
  concurrency: number;
  /** Longest Retry-After we wait out inside one request; beyond it we fail over to the gloss. */
  maxRetryWaitMs?: number;
  retries?: number;
}

const DEFAULT_MAX_RETRY_WAIT_MS = 3000;
const QUOTA_COOLDOWN_MS = 60 * 60 * 1000;

/** Seconds or an HTTP date → ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A POST-JSON client with the shared limits; one per provider, so limits are per provider. */
export class ProviderHttp {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  /** While the provider told us to back off (429 or quota), calls fail at once without a request. */
  private coolDownUntil = 0;

  constructor(
    private readonly provider: string,
    private readonly policy: HttpPolicy,
  ) {}

  /** POSTs JSON and returns the parsed JSON body of a 2xx answer; anything else is a ProviderError. */
  async postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const retries = this.policy.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      if (Date.now() < this.coolDownUntil) throw new ProviderError('rate_limited', `${this.provider} asked us to wait`);
      const res = await this.withSlot(() => this.send(url, body, headers));
      if (res.ok) {
        try {
          return await res.json();
        } catch {
          throw new ProviderError('bad_response', `${this.provider} answered with invalid JSON`);
        }
      }
      await res.body?.cancel();
      if (res.status === 429 || res.status === 503) {
        const wait = parseRetryAfter(res.headers.get('retry-after')) ?? 1000 * 2 ** attempt;
        if (attempt < retries && wait <= (this.policy.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS)) {
          await sleep(wait);
          continue;
        }
        this.coolDownUntil = Date.now() + wait;
        throw new ProviderError('rate_limited', `${this.provider} is rate limiting (${res.status})`);
      }
      // DeepL: 456 means the account's character quota is used up; it will not come back soon.
      if (res.status === 456) {
        this.coolDownUntil = Date.now() + QUOTA_COOLDOWN_MS;
        throw new ProviderError('quota', `${this.provider} quota exceeded`);
      }
      if (res.status === 401 || res.status === 403) throw new ProviderError('auth', `${this.provider} refused our credentials`);
      throw new ProviderError(res.status >= 500 ? 'unavailable' : 'bad_response', `${this.provider} answered ${res.status}`);
    }
  }

  private async send(url: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new ProviderError('timeout', `${this.provider} timed out`);
      throw new ProviderError('unavailable', `${this.provider} unreachable: ${(err as Error).message}`);
    }
  }

  private async withSlot<T>(fn: () => Promise<T>): Promise<T> {
    // A finishing request hands its slot straight to the next waiter, so the cap is never exceeded.
    if (this.inFlight >= this.policy.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.inFlight++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    }
  }
}

/** "zh-Hans" → "zh", "en-US" → "en". */
export const baseLanguage = (tag: string) => tag.split('-')[0]!.toLowerCase();
