/**
 * Keeps track of the metric the reader is on (by scroll position, or the field they focus) and moves
 * to a metric on request: from the summary panel, or from a `#metric-KEY` link such as Home's task cards.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { metricInView, metricKeyFromHash, metricSectionId } from './metric-in-view.ts';

const FIRST_FIELD = 'input:not([disabled]), textarea:not([disabled])';

const isAtBottom = () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;

function sectionPositions(keys: readonly string[]) {
  return keys.flatMap((key) => {
    const section = document.getElementById(metricSectionId(key));
    return section ? [{ key, top: section.getBoundingClientRect().top }] : [];
  });
}

/** Scrolls a metric's section to the top and puts the cursor in its first box that takes input. */
function scrollToMetric(key: string, behavior: ScrollBehavior) {
  const section = document.getElementById(metricSectionId(key));
  section?.scrollIntoView({ behavior, block: 'start' });
  section?.querySelector<HTMLElement>(FIRST_FIELD)?.focus({ preventScroll: true });
}

export function useMetricNavigation(keys: readonly string[]) {
  const { hash } = useLocation();
  const [active, setActive] = useState<string | undefined>(() => metricKeyFromHash(hash) ?? keys[0]);

  const goToMetric = useCallback((key: string) => {
    scrollToMetric(key, 'smooth');
    setActive(key);
  }, []);

  useEffect(() => {
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() =>
        setActive(metricInView(sectionPositions(keys), window.innerHeight, isAtBottom())),
      );
    };
    window.addEventListener('scroll', follow, { passive: true });
    return () => {
      window.removeEventListener('scroll', follow);
      cancelAnimationFrame(frame);
    };
  }, [keys]);

  // The page's content arrives after the browser has looked for the hash's target, so go there ourselves.
  useEffect(() => {
    const key = metricKeyFromHash(hash);
    if (key) scrollToMetric(key, 'auto');
  }, [hash]);

  return { active, setActive, goToMetric };
}
