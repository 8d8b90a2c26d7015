import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UI_LOCALES } from '../../contract/locales.js';
import { MESSAGES, t } from './messages.js';

describe('server message catalog', () => {
  it('has every message in English, Simplified and Traditional Chinese, with the same placeholders', () => {
    for (const [key, byLocale] of Object.entries(MESSAGES)) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const expected = placeholders(byLocale.en);
      for (const locale of UI_LOCALES) {
        const text = (byLocale as Record<string, string>)[locale];
        assert.ok(text && text.trim().length > 0, `${key} is missing in ${locale}`);
        assert.deepEqual(placeholders(text), expected, `${key} in ${locale} has different placeholders`);
      }
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    assert.equal(t('en', 'title_too_long', { units: 21, limit: 20 }).startsWith('The title is 21 units long; the limit is 20'), true);
    assert.equal(t('zh-Hant', 'not_found', {}), '找不到：{what}。');
  });
});
