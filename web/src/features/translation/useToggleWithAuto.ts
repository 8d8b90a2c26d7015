import { useEffect, useRef, useState } from 'react';

/**
 * An open/closed toggle that opens by itself when `auto` becomes true (auto-translate), until the
 * reader touches it; then their choice wins.
 */
export function useToggleWithAuto(auto: boolean) {
  const [open, setOpen] = useState(auto);
  const touched = useRef(false);
  useEffect(() => {
    if (auto && !touched.current) setOpen(true);
  }, [auto]);
  return {
    open,
    toggle: () => {
      touched.current = true;
      setOpen((o) => !o);
    },
    /** Set from outside (e.g. "Translate all comments"); counts as the reader's choice. */
    set: (next: boolean) => {
      touched.current = true;
      setOpen(next);
    },
  };
}
