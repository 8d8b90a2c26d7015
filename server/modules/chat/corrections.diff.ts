import { diffArrays, diffWordsWithSpace } from 'diff';
import type { DiffPart } from '../../../contract/chat.js';
import type { LearnerAids } from '../translation/learner-aids.js';

const HAN = /\p{Script=Han}/u;

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * A word diff of a correction against the original: deleted and inserted words marked. English
 * (and any spaced script) is diffed by words with their spaces; Chinese has no spaces, so it is cut
 * into words with jieba first (falling back to characters), which reads far better than characters.
 */
export async function correctionDiff(original: string, corrected: string, aids: LearnerAids): Promise<DiffPart[]> {
  if (!HAN.test(original) && !HAN.test(corrected)) {
    return merge(diffWordsWithSpace(original, corrected).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value })));
  }
  let cut: (text: string) => string[];
  try {
    const jieba = await aids.segmenter();
    cut = (text) => {
      const pieces = jieba.cut(text, false);
      return pieces.join('') === text ? pieces : [...text];
    };
  } catch {
    cut = (text) => [...text];
  }
  const changes = diffArrays(cut(original), cut(corrected));
  return merge(changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') })));
}
