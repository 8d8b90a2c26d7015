/**
 * LibreTranslate (self-hosted): POST /translate with `q` as an array, answered with
 * `translatedText` as an array in the same order. The API key, when the server wants one, goes in
 * the body as `api_key`.
 */
import { baseLanguage, type HttpPolicy, ProviderError, ProviderHttp, type TranslateRequest, type TranslationProvider } from './provider.js';

/** LibreTranslate (argos) names the Chinese scripts zh-Hans / zh-Hant; other languages by bare code. */
export function libreLanguage(tag: string): string {
  if (tag === 'zh-Hant') return 'zh-Hant';
  if (tag.startsWith('zh')) return 'zh-Hans';
  return baseLanguage(tag);
}

interface LibreResponse {
  translatedText?: unknown;
}

export class LibreTranslateProvider implements TranslationProvider {
  readonly name = 'libretranslate' as const;
  private readonly http: ProviderHttp;

  constructor(
    private readonly config: { url: string; apiKey: string | null },
    policy: HttpPolicy,
  ) {
    this.http = new ProviderHttp('libretranslate', policy);
  }

  async translate(request: TranslateRequest): Promise<string[]> {
    const body: Record<string, unknown> = {
      q: request.texts,
      source: request.source ? libreLanguage(request.source) : 'auto',
      target: libreLanguage(request.target),
      format: 'text',
    };
    if (this.config.apiKey) body.api_key = this.config.apiKey;
    const json = (await this.http.postJson(`${this.config.url}/translate`, body)) as LibreResponse;
    const out = json.translatedText;
    if (!Array.isArray(out) || out.length !== request.texts.length || !out.every((t): t is string => typeof t === 'string')) {
      throw new ProviderError('bad_response', 'libretranslate returned a different number of translations');
    }
    return out;
  }
}
