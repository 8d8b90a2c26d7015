import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../api/types.js';
import { changeLocale, currentLocale } from '../../i18n/index.js';
import { ME_KEY } from './useMe.js';

/** After sign in or sign up: remember who this is, and drop anything cached while signed out. */
export function useSignedIn() {
  const client = useQueryClient();
  return async (me: Me, adoptLocale: boolean) => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(ME_KEY, me);
    if (adoptLocale && me.uiLocale !== currentLocale()) await changeLocale(me.uiLocale);
  };
}
