/**
 * LibreTranslate as documented: POST /translate with `q` (string or array), `source` ('auto' or a
 * code), `target`, optional `api_key` (403 when the server requires one and it is wrong), answers
 * `{translatedText}` of the same shape as `q` (plus `detectedLanguage` for 'auto').
 */
import { fakeTranslate, startTestServer, type TestServer } from './test-server.js';

const LANGUAGES = new Set(['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'es', 'fr', 'de']);

export function startLibreTranslateServer(apiKey: string | null): Promise<TestServer> {
  return startTestServer((req) => {
    if (req.method !== 'POST' || req.path !== '/translate') return { status: 404, body: { error: 'Not Found' } };
    const body = req.body as { q?: unknown; source?: unknown; target?: unknown; api_key?: unknown } | null;
    if (apiKey && body?.api_key !== apiKey) {
      return { status: 403, body: { error: 'Invalid API key' } };
    }
    const q = body?.q;
    const list = Array.isArray(q) ? q : [q];
    if (q === undefined || !list.every((t) => typeof t === 'string')) return { status: 400, body: { error: "Invalid request: missing q parameter" } };
    if (typeof body?.source !== 'string' || (body.source !== 'auto' && !LANGUAGES.has(body.source))) {
      return { status: 400, body: { error: `${String(body?.source)} is not supported` } };
    }
    if (typeof body?.target !== 'string' || !LANGUAGES.has(body.target)) {
      return { status: 400, body: { error: `${String(body?.target)} is not supported` } };
    }
    const target = body.target;
    const translated = list.map((t: string) => fakeTranslate(t, target));
    const detected = list.map((t: string) => ({ confidence: 90, language: /\p{Script=Han}/u.test(t) ? 'zh-Hans' : 'en' }));
    return {
      status: 200,
      body: {
        translatedText: Array.isArray(q) ? translated : translated[0],
        ...(body.source === 'auto' ? { detectedLanguage: Array.isArray(q) ? detected : detected[0] } : {}),
      },
    };
  });
}
