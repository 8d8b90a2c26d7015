import { lazy, type ReactNode, Suspense } from 'react';
import type { Facet } from '../../../../contract/facets.js';
import type { ChineseScriptTag, Token } from './learn.types.js';

// Pinyin and word cards are a chunk of their own, fetched the first time someone turns pinyin on.
const ReadingText = lazy(() => import('./ReadingText.js'));

interface Props {
  text: string;
  tokens: Token[];
  facets?: Facet[];
  script: ChineseScriptTag | null;
  /** Shown while the chunk loads: the text as it was. */
  fallback: ReactNode;
}

export function LazyReadingText({ fallback, ...props }: Props) {
  return (
    <Suspense fallback={fallback}>
      <ReadingText {...props} />
    </Suspense>
  );
}
