export interface Range {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits text into plain and highlighted segments. Ranges come from the server as UTF-16 offsets;
 * anything out of bounds, overlapping or reversed is clamped or skipped, so a bad range can never
 * throw or duplicate text. The result is rendered as text nodes, never as HTML.
 */
export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const sorted = [...ranges]
    .map((r) => ({ start: Math.max(0, Math.min(text.length, r.start)), end: Math.max(0, Math.min(text.length, r.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    if (r.end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}
