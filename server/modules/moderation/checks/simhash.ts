/**
 * SimHash (Charikar 2002) over character 3-grams: similar texts get fingerprints that differ in few
 * bits, so near-duplicates (a repost with a word changed) are found by Hamming distance. Character
 * n-grams work for Chinese without word segmentation and for English alike.
 */
const MASK = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/** FNV-1a, 64-bit, over the UTF-16 units of a string. */
function fnv1a64(s: string): bigint {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK;
  }
  return h;
}

/** Lower-case, no punctuation or spacing: trivial edits must not change the fingerprint. */
export function normalizeForHash(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** 64-bit SimHash as 16 hex digits. */
export function simhash(text: string): string {
  const s = [...normalizeForHash(text)];
  const weights = new Array<number>(64).fill(0);
  const grams = s.length < 3 ? [s.join('')] : s.slice(0, s.length - 2).map((_, i) => s.slice(i, i + 3).join(''));
  for (const g of grams) {
    const h = fnv1a64(g);
    for (let bit = 0; bit < 64; bit++) weights[bit]! += (h >> BigInt(bit)) & 1n ? 1 : -1;
  }
  let out = 0n;
  for (let bit = 0; bit < 64; bit++) if (weights[bit]! > 0) out |= 1n << BigInt(bit);
  return out.toString(16).padStart(16, '0');
}

/** Bits in which two fingerprints differ (0: same text after normalising). */
export function hamming(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}
