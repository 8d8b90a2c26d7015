/**
 * DeepL API v2: POST /v2/translate with `Authorization: DeepL-Auth-Key …` and a `text` array, so a
 * page of comments is one request. 429 (too many requests) and 456 (quota used up) are handled by
 * ProviderHttp.
 */
import { baseLanguage, type HttpPolicy, ProviderError, ProviderHttp, type TranslateRequest, type TranslationProvider } from './provider.js';

/** DeepL wants a regional English and explicit Chinese scripts as targets; sources are bare codes. */
export function deeplTarget(tag: string): string {
  if (tag === 'zh-Hant') return 'ZH-HANT';
  if (tag.startsWith('zh')) return 'ZH-HANS';
  const base = baseLanguage(tag);
  if (base === 'en') return tag.toUpperCase() === 'EN-GB' ? 'EN-GB' : 'EN-US';
  if (base === 'pt') return tag.toUpperCase() === 'PT-PT' ? 'PT-PT' : 'PT-BR';
  return base.toUpperCase();
}

interface DeeplResponse {
  translations?: Array<{ detected_source_language?: string; text?: unknown }>;
}

export class DeeplProvider implements TranslationProvider {
  readonly name = 'deepl' as const;
  private readonly http: ProviderHttp;

  constructor(
    private readonly config: { apiKey: string; url: string },
    policy: HttpPolicy,
  ) {
    this.http = new ProviderHttp('deepl', policy);
  }

  async translate(request: TranslateRequest): Promise<string[]> {
    const body: Record<string, unknown> = { text: request.texts, target_lang: deeplTarget(request.target) };
    if (request.source) body.source_lang = baseLanguage(request.source).toUpperCase();
    const json = (await this.http.postJson(`${this.config.url}/v2/translate`, body, {
      authorization: `DeepL-Auth-Key ${this.config.apiKey}`,
    })) as DeeplResponse;
    const out = json.translations?.map((t) => t.text);
    if (!out || out.length !== request.texts.length || !out.every((t): t is string => typeof t === 'string')) {
      throw new ProviderError('bad_response', 'deepl returned a different number of translations');
    }
    return out;
  }
}
