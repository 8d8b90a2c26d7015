import { segments, type Range } from './highlight.js';

/** Text with the matched spans in <mark>; every piece is a text node, so user text is never HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  let at = 0;
  return (
    <>
      {segments(text, ranges).map((s) => {
        const key = at;
        at += s.text.length;
        return s.marked ? <mark key={key}>{s.text}</mark> : <span key={key}>{s.text}</span>;
      })}
    </>
  );
}
