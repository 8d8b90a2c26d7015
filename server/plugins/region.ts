import type { FastifyRequest } from 'fastify';

/**
 * The viewer's region (two-letter code) from the header the operator's proxy sets, e.g.
 * `cf-ipcountry` (MODERATION_REGION_HEADER); null when no header is configured or sent, in which case
 * regional rules never apply. The one place this header is read.
 */
export function regionOf(request: FastifyRequest, header: string | null): string | null {
  if (!header) return null;
  const raw = request.headers[header];
  const code = String(Array.isArray(raw) ? raw[0] : (raw ?? '')).trim().toUpperCase().slice(0, 2);
  return /^[A-Z]{2}$/.test(code) ? code : null;
}
