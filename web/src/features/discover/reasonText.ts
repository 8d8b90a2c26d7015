import type { TFunction } from 'i18next';
import type { Reason } from '../../api/discover.js';
import { languageName } from '../profile/languageName.js';

/** One reason from the Discover pipeline, worded in the reader's language. */
export function reasonText(reason: Reason, t: TFunction, uiLocale: string): string {
  switch (reason.kind) {
    case 'following':
      return t('discover.reasonFollowing', { handle: reason.handle });
    case 'engaged_topic':
      return t('discover.reasonEngagedTopic', { topic: reason.topic });
    case 'interest':
      return t('discover.reasonInterest', { topic: reason.topic });
    case 'engaged_author':
      return t('discover.reasonEngagedAuthor', { handle: reason.handle });
    case 'trending':
      return t('discover.reasonTrending');
    case 'newcomer':
      return t('discover.reasonNewcomer');
    case 'latest':
      return t('discover.reasonLatest');
    case 'other_language': {
      const lang = reason.lang ? languageName(reason.lang, uiLocale) : t('language.unknown');
      return reason.via === 'gloss' ? t('discover.reasonOtherLanguageGloss', { lang }) : t('discover.reasonOtherLanguage', { lang });
    }
  }
}
