/**
 * The notes Discover, topic pages and search may recommend (ADR 0008): normal ones, and labelled ones
 * (shown blurred). Limited notes keep their place on profiles, in Following and by link; held and
 * removed ones are their author's only. The one list; topic rows keep a copy of it per note (migration
 * 0029, which spells the list out as it stood then).
 */
export const RECOMMENDABLE_STATES = ['normal', 'labelled'] as const;

const RECOMMENDABLE = new Set<string>(RECOMMENDABLE_STATES);
export const isRecommendable = (state: string | undefined | null): boolean => RECOMMENDABLE.has(state ?? 'normal');
