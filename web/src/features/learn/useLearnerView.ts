import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { hasHan, otherScript } from '../translation/languages.js';
import { convertScript } from './learn.api.js';
import type { ChineseScriptTag } from './learn.types.js';
import { pinyinByDefault } from './pinyin-default.js';

/**
 * Pinyin and Simplified ⇄ Traditional state for one Chinese text (a note's title and body, or a
 * comment). `texts` are converted together when the script toggle is on and pinyin is off; with
 * pinyin on, the reading's own per-word forms are used instead.
 */
export function useLearnerView(texts: string[], lang: string | null) {
  const chinese = texts.some(hasHan);
  const [pinyin, setPinyin] = useState(() => chinese && pinyinByDefault());
  const [converted, setConverted] = useState(false);
  const target: ChineseScriptTag = otherScript(lang);
  const conversion = useQuery({
    queryKey: ['convert', target, texts],
    queryFn: () => Promise.all(texts.map((text) => (hasHan(text) ? convertScript(text, target).then((r) => r.text) : text))),
    enabled: chinese && converted && !pinyin,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    chinese,
    pinyin: chinese && pinyin,
    togglePinyin: () => setPinyin((on) => !on),
    converted: chinese && converted,
    toggleConverted: () => setConverted((on) => !on),
    /** The script the text is shown in when converted. */
    target,
    /** Converted texts, in order, once they have arrived. */
    convertedTexts: converted && !pinyin ? conversion.data : undefined,
    convertError: conversion.error,
  };
}

export type LearnerView = ReturnType<typeof useLearnerView>;
