/** A language's name in the UI language ("zh" → "Chinese" / "中文"), from the browser's own data. */
export function languageName(tag: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
