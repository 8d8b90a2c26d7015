import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LOCALES, type UiLocale } from '../../../../contract/locales.js';
import { updateMe } from '../../api/auth.js';
import { changeLocale, currentLocale, LOCALE_NAMES } from '../../i18n/index.js';
import { applyTheme, savedTheme, type Theme } from '../../theme.js';
import { useMe } from '../auth/useMe.js';

const THEMES: Theme[] = ['light', 'dark', 'system'];

/** UI language (saved to the account when signed in, so emails and errors follow) and light/dark theme. */
export function AppearanceSettings() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [locale, setLocale] = useState<UiLocale>(currentLocale());
  const [theme, setTheme] = useState<Theme>(savedTheme());

  const pickLocale = async (next: UiLocale) => {
    setLocale(next);
    await changeLocale(next);
    if (me) await updateMe({ uiLocale: next }).catch(() => undefined);
  };

  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title" className="visually-hidden">
        {t('settings.uiLanguage')}
      </h2>
      <fieldset className="segmented">
        <legend>{t('settings.uiLanguage')}</legend>
        {UI_LOCALES.map((l) => (
          <label className="chip" key={l} lang={l}>
            <input type="radio" name="ui-locale" value={l} checked={locale === l} onChange={() => void pickLocale(l)} />
            {LOCALE_NAMES[l]}
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend>{t('settings.theme')}</legend>
        {THEMES.map((th) => (
          <label className="chip" key={th}>
            <input
              type="radio"
              name="theme"
              value={th}
              checked={theme === th}
              onChange={() => {
                setTheme(th);
                applyTheme(th);
              }}
            />
            {t(`settings.${th}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
