import type { Segmentation, Token, WordCard } from '../../../../contract/translation.js';

export type { Segmentation, Token, WordCard };
export type ChineseScriptTag = 'zh-Hans' | 'zh-Hant';
