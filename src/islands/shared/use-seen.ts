/**
 * Whether the reader can see a demo: it is on screen and its tab is not hidden. Demos that train
 * hold between runs while it is false, so that a page scrolled past or a tab left in the
 * background does not keep a core busy.
 */
import { useEffect, useState } from 'preact/hooks';

export function useSeen(root: { current: HTMLElement | null }): boolean {
  const [onScreen, setOnScreen] = useState(true);
  const [tabHidden, setTabHidden] = useState(false);
  useEffect(() => {
    const el = root.current;
    if (el === null) return undefined;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(entry?.isIntersecting ?? true));
    observer.observe(el);
    const onVisibility = () => setTabHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return onScreen && !tabHidden;
}
