/** One bounded autocannon run (as a library) and the numbers the report keeps. */
import autocannon, { type RawRequest } from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; autocannon stops by itself. */
  duration: number;
  /** Called for every request: returns method, path, headers and body (rotating people and targets). */
  next: () => RawRequest;
}

export interface LoadResult {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  errors: number;
  requests: number;
  statuses: Record<string, number>;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.duration,
    timeout: 10,
    requests: [
      {
        // autocannon writes Content-Length into the headers object it is given: always hand it a copy,
        // or a shared headers constant carries a stale length into the next request.
        setupRequest: (req) => {
          const next = opts.next();
          return { ...req, ...next, headers: { ...next.headers } };
        },
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = s.count;
  const requests = result.requests.total;
  return {
    rps: Math.round(requests / Math.max(result.duration, 0.001)),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.non2xx + result.errors,
    requests,
    statuses,
  };
}

/** One request outside the load, so a failing endpoint is reported with its status and body. */
export async function probe(url: string, req: RawRequest): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(`${url}${req.path ?? '/'}`, {
      method: req.method ?? 'GET',
      headers: Object.fromEntries(Object.entries(req.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-length')),
      ...(req.body !== undefined ? { body: req.body } : {}),
    });
    return { status: res.status, body: (await res.text()).slice(0, 300) };
  } catch (err) {
    const cause = err instanceof Error && err.cause ? ` (${String(err.cause)})` : '';
    return { status: 0, body: `${String(err)}${cause}` };
  }
}
