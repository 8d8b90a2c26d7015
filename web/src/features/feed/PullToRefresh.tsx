import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const THRESHOLD = 70;

/** Pull down at the top of the page to fetch fresh items (touch screens); a button does the same elsewhere. */
export function PullToRefresh({ onRefresh, children }: { onRefresh: () => Promise<unknown>; children: ReactNode }) {
  const { t } = useTranslation();
  const [pull, setPull] = useState(0);
  const [busy, setBusy] = useState(false);
  const start = useRef<number | null>(null);
  const pullRef = useRef(0);

  useEffect(() => {
    const onStart = (e: TouchEvent) => {
      start.current = window.scrollY <= 0 ? (e.touches[0]?.clientY ?? null) : null;
    };
    const onMove = (e: TouchEvent) => {
      if (start.current === null) return;
      const dy = (e.touches[0]?.clientY ?? 0) - start.current;
      pullRef.current = Math.max(0, Math.min(120, dy * 0.5));
      setPull(pullRef.current);
    };
    const onEnd = () => {
      if (start.current !== null && pullRef.current >= THRESHOLD * 0.7) {
        setBusy(true);
        onRefresh().finally(() => setBusy(false));
      }
      start.current = null;
      pullRef.current = 0;
      setPull(0);
    };
    window.addEventListener('touchstart', onStart, { passive: true });
    window.addEventListener('touchmove', onMove, { passive: true });
    window.addEventListener('touchend', onEnd);
    return () => {
      window.removeEventListener('touchstart', onStart);
      window.removeEventListener('touchmove', onMove);
      window.removeEventListener('touchend', onEnd);
    };
  }, [onRefresh]);

  const height = busy ? 40 : pull;
  return (
    <>
      <div className="pull-indicator" style={{ height }} aria-live="polite">
        {busy ? t('common.refreshing') : pull > 0 ? (pull >= THRESHOLD * 0.7 ? t('common.releaseToRefresh') : t('common.pullToRefresh')) : ''}
      </div>
      {children}
    </>
  );
}
