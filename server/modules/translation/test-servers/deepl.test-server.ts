/**
 * DeepL API v2 as documented: POST /v2/translate, `Authorization: DeepL-Auth-Key <key>` (else 403),
 * JSON body with `text` (array, at most 50) and `target_lang` (else 400), answer
 * `{translations: [{detected_source_language, text}]}`; 429/456 can be scripted with failNext.
 */
import { fakeTranslate, startTestServer, type TestServer } from './test-server.js';

const TARGETS = new Set(['EN-US', 'EN-GB', 'ZH-HANS', 'ZH-HANT', 'JA', 'KO', 'ES', 'FR', 'DE']);
const TARGET_TAG: Record<string, string> = { 'EN-US': 'en', 'EN-GB': 'en', 'ZH-HANS': 'zh-Hans', 'ZH-HANT': 'zh-Hant' };

export function startDeeplServer(apiKey: string): Promise<TestServer> {
  return startTestServer((req) => {
    if (req.method !== 'POST' || req.path !== '/v2/translate') return { status: 404, body: { message: 'Not found' } };
    if (req.headers.authorization !== `DeepL-Auth-Key ${apiKey}`) return { status: 403, body: { message: 'Wrong auth key' } };
    const body = req.body as { text?: unknown; target_lang?: unknown; source_lang?: unknown } | null;
    const texts = body?.text;
    if (!Array.isArray(texts) || texts.length === 0 || texts.length > 50 || !texts.every((t) => typeof t === 'string')) {
      return { status: 400, body: { message: "Parameter 'text' not specified." } };
    }
    if (typeof body?.target_lang !== 'string' || !TARGETS.has(body.target_lang)) {
      return { status: 400, body: { message: "Value for 'target_lang' not supported." } };
    }
    const target = TARGET_TAG[body.target_lang] ?? body.target_lang.toLowerCase();
    return {
      status: 200,
      body: {
        translations: texts.map((text: string) => ({
          detected_source_language: typeof body.source_lang === 'string' ? body.source_lang : /\p{Script=Han}/u.test(text) ? 'ZH' : 'EN',
          text: fakeTranslate(text, target),
        })),
      },
    };
  });
}
