import { AppError } from '../../errors.js';

export interface Cue {
  /** The timing line as written (start --> end, plus any cue settings). */
  timing: string;
  text: string;
}

const TIME = '(?:\\d{2,}:)?[0-5]\\d:[0-5]\\d\\.\\d{3}';
const TIMING = new RegExp(`^(${TIME})[ \\t]+-->[ \\t]+(${TIME})((?:[ \\t]+[a-z]+:[^\\s]+)*)[ \\t]*$`);
const MAX_CUES = 5000;

const invalid = (problem: string) => new AppError(400, 'caption_invalid', { problem }, 'body');

/**
 * Parses a WebVTT file strictly enough to know it is one, and keeps only the cues: the header text,
 * NOTE, STYLE and REGION blocks are dropped, so nothing but timed text reaches a reader's browser.
 */
export function parseVtt(input: string): Cue[] {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(text)) throw invalid('the file must start with "WEBVTT"');
  if (text.includes('\u0000')) throw invalid('NUL character');
  const blocks = text.split(/\n{2,}/).slice(1);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
    if (lines.length === 0 || lines[0] === '') continue;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[0]!)) continue;
    // An optional cue identifier comes before the timing line.
    const timingIndex = lines[0]!.includes('-->') ? 0 : 1;
    const timing = lines[timingIndex];
    const m = timing ? TIMING.exec(timing) : null;
    if (!m) throw invalid(`bad cue timing "${(timing ?? lines[0] ?? '').slice(0, 40)}"`);
    if (seconds(m[2]!) < seconds(m[1]!)) throw invalid(`cue ends before it starts at ${m[1]}`);
    cues.push({ timing: timing!.trim(), text: lines.slice(timingIndex + 1).join('\n') });
    if (cues.length > MAX_CUES) throw invalid(`more than ${MAX_CUES} cues`);
  }
  if (cues.length === 0) throw invalid('no cues');
  return cues;
}

function seconds(t: string): number {
  const parts = t.split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/** Writes cues back as a clean WebVTT file. */
export function serializeVtt(cues: Cue[]): string {
  // A cue's text may not contain a blank line or "-->"; translated text is made safe the same way.
  const clean = (s: string) => s.replace(/\n{2,}/g, '\n').replace(/-->/g, '→').trim() || ' ';
  return `WEBVTT\n\n${cues.map((c) => `${c.timing}\n${clean(c.text)}`).join('\n\n')}\n`;
}

/** Cue text without its markup (<b>, <v Speaker>, <c.class>, timestamps), for translation. */
export function plainCueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ');
}

/** Escapes translated text back into cue text. */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
