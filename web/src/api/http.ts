import type { UiLocale } from '../../../contract/locales.js';

/** A refusal from the server, read from its application/problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly field?: string,
  ) {
    super(detail || code);
    this.name = 'ApiError';
  }
}

let locale: UiLocale = 'en';

/** The UI language sent with every request so errors come back in it. */
export function setRequestLocale(next: UiLocale): void {
  locale = next;
}

export function requestHeaders(json: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'X-Kuaan-Locale': locale, Accept: 'application/json' };
  if (json) headers['Content-Type'] = 'application/json';
  return headers;
}

/** Turns a non-2xx response body into an ApiError, whatever shape it came in. */
export function problemFrom(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { code?: string; detail?: string; field?: string };
    return new ApiError(status, body.code ?? 'http_error', body.detail ?? '', body.field);
  } catch {
    return new ApiError(status, 'network_error', '');
  }
}

/** One JSON request to the API with the session cookie; throws ApiError on refusal. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(body !== undefined),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  const text = await res.text();
  if (!res.ok) throw problemFrom(res.status, text);
  return (text ? JSON.parse(text) : null) as T;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);

/** Adds cursor and limit to a list URL. */
export function pageUrl(path: string, cursor?: string | null, limit?: number): string {
  const q = new URLSearchParams();
  if (cursor) q.set('cursor', cursor);
  if (limit) q.set('limit', String(limit));
  const s = q.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}
