import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negotiateLocale } from './locales.js';

describe('UI locale negotiation', () => {
  it('maps Chinese variants to Simplified or Traditional and everything else to English', () => {
    const cases: Array<[string | undefined, string]> = [
      [undefined, 'en'],
      ['', 'en'],
      ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-Hans'],
      ['zh-TW', 'zh-Hant'],
      ['zh-HK,en;q=0.5', 'zh-Hant'],
      ['zh-Hant-TW', 'zh-Hant'],
      ['zh-SG', 'zh-Hans'],
      ['en-US,en;q=0.9', 'en'],
      ['fr-FR,zh-TW;q=0.8,en;q=0.5', 'zh-Hant'],
      ['en;q=0.2,zh;q=0.9', 'zh-Hans'],
      ['de,fr', 'en'],
      ['zh;q=0', 'en'],
    ];
    for (const [header, expected] of cases) assert.equal(negotiateLocale(header), expected, String(header));
  });
});
