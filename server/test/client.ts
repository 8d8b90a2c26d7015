import type { UiLocale } from '../../contract/locales.js';
import type { TestApp } from './harness.js';

export interface Response<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  locale?: UiLocale;
  /** Raw payload (Buffer or string) sent as is, with its own content type. */
  raw?: Buffer | string;
  contentType?: string;
}

/**
 * A person using the API: keeps their session cookie between requests, like a browser would, and
 * sends the Origin header a browser sends.
 */
export class Client {
  cookie: string | null = null;
  userId = '';
  handle = '';

  constructor(readonly t: TestApp) {}

  async request<T = any>(method: string, url: string, opts: RequestOptions = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { origin: 'http://localhost:3000', ...opts.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (opts.locale) headers['accept-language'] = opts.locale;
    let payload: Buffer | string | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['content-type'] = opts.contentType ?? 'application/json';
    } else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair = ''] = c.split(';');
      if (pair.startsWith('kuaan_session=')) this.cookie = /Expires=Thu, 01 Jan 1970/i.test(c) || pair === 'kuaan_session=' ? null : pair;
    }
    let body: unknown = null;
    if (res.payload && /json/.test(String(res.headers['content-type'] ?? ''))) body = JSON.parse(res.payload);
    return { status: res.statusCode, headers: res.headers, body: body as T, text: res.payload };
  }

  get<T = any>(url: string, opts?: RequestOptions) {
    return this.request<T>('GET', url, opts);
  }
  post<T = any>(url: string, body?: unknown, opts: RequestOptions = {}) {
    return this.request<T>('POST', url, { ...opts, body });
  }
  patch<T = any>(url: string, body?: unknown, opts: RequestOptions = {}) {
    return this.request<T>('PATCH', url, { ...opts, body });
  }
  put<T = any>(url: string, body?: unknown, opts: RequestOptions = {}) {
    return this.request<T>('PUT', url, { ...opts, body });
  }
  delete<T = any>(url: string, opts?: RequestOptions) {
    return this.request<T>('DELETE', url, opts);
  }
}
