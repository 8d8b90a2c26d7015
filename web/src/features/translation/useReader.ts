import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/useMe.js';
import { fetchTranslationSettings } from './translation.api.js';

export const TRANSLATION_SETTINGS_KEY = ['translation-settings'] as const;

export interface Reader {
  /** Translation needs an account (it costs the operator); learner aids do not. */
  signedIn: boolean;
  autoTranslate: boolean;
  /** Languages the reader reads, always including the UI language. */
  readLanguages: string[];
  /** The UI language, which is also the language translations come back in. */
  locale: string;
}

/** Who is reading and what they read: their saved settings, or the UI language when signed out. */
export function useReader(): Reader {
  const { i18n } = useTranslation();
  const me = useMe().data;
  const settings = useQuery({
    queryKey: TRANSLATION_SETTINGS_KEY,
    queryFn: fetchTranslationSettings,
    enabled: Boolean(me),
    staleTime: 5 * 60_000,
  });
  const locale = i18n.language;
  const saved = me ? (settings.data?.readLanguages ?? []) : [];
  return {
    signedIn: Boolean(me),
    autoTranslate: Boolean(me && settings.data?.autoTranslate),
    readLanguages: [...new Set([locale, ...saved])],
    locale,
  };
}
