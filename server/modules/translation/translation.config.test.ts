import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config.js';

describe('translation configuration', () => {
  it('defaults to the offline gloss', () => {
    const { translation } = loadConfig({});
    assert.equal(translation.provider, 'gloss');
    assert.equal(translation.deepl, null);
  });

  it('derives the DeepL host from the key and validates URLs', () => {
    assert.equal(loadConfig({ TRANSLATION_PROVIDER: 'deepl', DEEPL_API_KEY: 'abc:fx' }).translation.deepl?.url, 'https://api-free.deepl.com');
    assert.equal(loadConfig({ TRANSLATION_PROVIDER: 'deepl', DEEPL_API_KEY: 'abc' }).translation.deepl?.url, 'https://api.deepl.com');
    assert.throws(() => loadConfig({ TRANSLATION_PROVIDER: 'deepl', DEEPL_API_KEY: 'abc', DEEPL_API_URL: 'ftp://x' }), ConfigError);
  });

  it('names the missing variable in one line', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ TRANSLATION_PROVIDER: 'deepl' }, 'DEEPL_API_KEY is required when TRANSLATION_PROVIDER=deepl'],
      [{ TRANSLATION_PROVIDER: 'libretranslate' }, 'LIBRETRANSLATE_URL is required when TRANSLATION_PROVIDER=libretranslate'],
      [{ TRANSLATION_PROVIDER: 'openai', OPENAI_MODEL: 'm' }, 'OPENAI_API_KEY is required when TRANSLATION_PROVIDER=openai'],
      [{ TRANSLATION_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }, 'OPENAI_MODEL is required'],
      [{ TRANSLATION_PROVIDER: 'google' }, 'TRANSLATION_PROVIDER must be one of gloss, deepl, libretranslate, openai'],
      [{ TRANSLATION_TIMEOUT_MS: '5' }, 'TRANSLATION_TIMEOUT_MS must be between'],
    ];
    for (const [env, message] of cases) {
      assert.throws(() => loadConfig(env), (err: Error) => err instanceof ConfigError && err.message.includes(message) && !err.message.includes('\n'));
    }
  });

  it('lets a local model run without a key', () => {
    const { openai } = loadConfig({ TRANSLATION_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/', OPENAI_MODEL: 'qwen2.5' }).translation;
    assert.deepEqual(openai, { baseUrl: 'http://127.0.0.1:11434/v1', apiKey: null, model: 'qwen2.5' });
  });
});
