export const UI_LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Picks the best UI locale from an Accept-Language header (or any BCP 47 list). */
export function negotiateLocale(header: string | undefined | null): UiLocale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((e) => e.tag && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) {
      return /hant|-tw|-hk|-mo/.test(tag) ? 'zh-Hant' : 'zh-Hans';
    }
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
