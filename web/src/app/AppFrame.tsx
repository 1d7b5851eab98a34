import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation, useNavigation } from 'react-router';
import type { SessionAgency } from '../api/session.ts';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';

/** Header, main content and footer around every signed-in or public page. */
export function AppFrame({ agency, children }: { agency?: SessionAgency; children: ReactNode }) {
  const mainRef = useFocusOnNavigate();
  const navigation = useNavigation();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      {navigation.state !== 'idle' && <div className="progress-bar" role="progressbar" aria-label="Loading page" />}
      <Header agency={agency} />
      <main id="main" ref={mainRef} className="app__main" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      <Footer />
    </div>
  );
}

/** How long to wait for a lazily loaded page's heading before leaving focus on <main>. */
const HEADING_WAIT_MS = 5000;

/**
 * After a client-side navigation, move focus to the new page's heading so screen-reader and
 * keyboard users start at the top of the new content, as they would after a full page load;
 * unless the page is a form that put the cursor in its first field.
 */
function useFocusOnNavigate() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const focusHeading = () => {
      // A page that put the cursor in its first field (a form's autoFocus) keeps it there.
      if (document.activeElement !== main && main.contains(document.activeElement)) return true;
      const heading = main.querySelector<HTMLElement>('h1');
      heading?.focus({ preventScroll: true });
      return heading !== null;
    };
    if (focusHeading()) return;
    // A lazily loaded page shows its heading a moment later: hold focus on <main> until it
    // appears, unless the person has moved focus somewhere else meanwhile.
    main.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      if (document.activeElement !== main || focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [pathname]);
  return mainRef;
}
