import { useEffect, useState } from 'react';

const QUERIES: Array<[string, number]> = [
  ['(min-width: 1400px)', 5],
  ['(min-width: 1100px)', 4],
  ['(min-width: 700px)', 3],
];

function count(): number {
  for (const [q, n] of QUERIES) if (window.matchMedia(q).matches) return n;
  return 2;
}

/** Waterfall columns for the window width: two on a phone, up to five on a wide screen. */
export function useColumnCount(): number {
  const [n, setN] = useState(count);
  useEffect(() => {
    const lists = QUERIES.map(([q]) => window.matchMedia(q));
    const update = () => setN(count());
    for (const l of lists) l.addEventListener('change', update);
    return () => {
      for (const l of lists) l.removeEventListener('change', update);
    };
  }, []);
  return n;
}
