/**
 * SimHash (Charikar 2002) over character 3-grams: similar texts get fingerprints that differ in few
 * bits, so near-duplicates (a repost with a word changed) are found by Hamming distance. Character
 * n-grams work for Chinese without word segmentation and for English alike.
 *
 * The 64-bit values are kept as two 32-bit halves in plain numbers, not BigInt: the spam check
 * fingerprints up to 200 earlier posts of the author for every new one, and with BigInt arithmetic
 * that took ~45 ms of the event loop (bench/write-path.md, "the spam check's fingerprints").
 */
const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
/** The 64-bit FNV prime is 2^40 + 0x1b3. */
const FNV_PRIME_LOW = 0x1b3;
const TWO_32 = 0x1_0000_0000;

/** FNV-1a, 64-bit, over the UTF-16 units of a string; adds the hash's set bits to `weights`. */
function addFnv1a64(s: string, weights: Int32Array): void {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  for (let i = 0; i < s.length; i++) {
    lo = (lo ^ s.charCodeAt(i)) >>> 0;
    // h × (2^40 + 0x1b3) mod 2^64. lo × 0x1b3 < 2^41 is exact in a double and its bits above 32 carry
    // into hi; h × 2^40 mod 2^64 adds (lo × 2^8) mod 2^32 to hi.
    const low = lo * FNV_PRIME_LOW;
    const carry = Math.floor(low / TWO_32);
    hi = (Math.imul(hi, FNV_PRIME_LOW) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  for (let bit = 0; bit < 32; bit++) {
    weights[bit]! += (lo >>> bit) & 1 ? 1 : -1;
    weights[bit + 32]! += (hi >>> bit) & 1 ? 1 : -1;
  }
}

/** Lower-case, no punctuation or spacing: trivial edits must not change the fingerprint. */
export function normalizeForHash(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** 64-bit SimHash as 16 hex digits. */
export function simhash(text: string): string {
  const s = [...normalizeForHash(text)];
  const weights = new Int32Array(64);
  if (s.length < 3) addFnv1a64(s.join(''), weights);
  else for (let i = 0; i + 2 < s.length; i++) addFnv1a64(s[i]! + s[i + 1]! + s[i + 2]!, weights);
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) lo |= 1 << bit;
    if (weights[bit + 32]! > 0) hi |= 1 << bit;
  }
  return hex32(hi) + hex32(lo);
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** Bits in which two fingerprints differ (0: same text after normalising). */
export function hamming(a: string, b: string): number {
  return popcount32(Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) +
    popcount32(Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16));
}

function popcount32(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The fingerprints stored with notes and comments (text_fingerprint), of the same text the spam
 * check reads for them: a note's title and body on two lines, a comment's body.
 */
export const noteFingerprint = (title: string, body: string): string => simhash(`${title}\n${body}`);
export const commentFingerprint = (body: string): string => simhash(body);
