/**
 * The current agency's name; for people in several agencies, a button that opens a searchable
 * list. Choosing an agency keeps the page: /agency/7/data becomes /agency/9/data.
 */
import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import type { SessionAgency } from '../api/session.ts';
import { useClickOutside } from '../components/use-click-outside.ts';
import { filterAgencies } from './navigation.ts';
import { switchAgencyPath } from './paths.ts';

interface AgencySwitcherProps {
  agencies: readonly SessionAgency[];
  current: SessionAgency;
}

export function AgencySwitcher({ agencies, current }: AgencySwitcherProps) {
  if (agencies.length < 2) {
    return (
      <span className="agency-switcher__name agency-switcher__name--static" title={current.name}>
        {current.name}
      </span>
    );
  }
  return <AgencyPicker agencies={agencies} current={current} />;
}

function AgencyPicker({ agencies, current }: AgencySwitcherProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const { pathname } = useLocation();
  const matches = filterAgencies(agencies, query);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    setQuery('');
    if (returnFocus) buttonRef.current?.focus();
  }, []);
  useClickOutside(
    rootRef,
    open,
    useCallback(() => close(false), [close]),
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = Array.from(rootRef.current?.querySelectorAll<HTMLElement>('.agency-switcher__option') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? Math.min(index + 1, items.length - 1) : index - 1;
    if (next < 0) rootRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    else items[next]?.focus();
  };

  return (
    <div className="agency-switcher" ref={rootRef} onKeyDown={open ? onKeyDown : undefined}>
      <button
        ref={buttonRef}
        type="button"
        className="agency-switcher__button"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-label={`Agency: ${current.name}. Switch agency`}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <span className="agency-switcher__name">{current.name}</span>
        <svg className="agency-switcher__chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <div className="agency-switcher__popover" id={popoverId}>
          <label className="visually-hidden" htmlFor={`${popoverId}-search`}>
            Search for agency
          </label>
          <input
            id={`${popoverId}-search`}
            className="input agency-switcher__search"
            type="search"
            placeholder="Search for agency"
            autoComplete="off"
            autoFocus
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <ul className="agency-switcher__list" aria-label="Your agencies">
            {matches.map((agency) => (
              <li key={agency.id}>
                <Link
                  className="agency-switcher__option"
                  to={switchAgencyPath(pathname, agency.id)}
                  aria-current={agency.id === current.id ? 'true' : undefined}
                  onClick={() => close(false)}
                >
                  <span>{agency.name}</span>
                  {agency.id === current.id && (
                    <svg viewBox="0 0 16 16" aria-hidden="true" className="agency-switcher__check">
                      <path
                        d="M3 8.5l3.2 3L13 4.5"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="2"
                        strokeLinecap="round"
                      />
                    </svg>
                  )}
                </Link>
              </li>
            ))}
          </ul>
          {matches.length === 0 && <p className="agency-switcher__none">No agencies match “{query.trim()}”.</p>}
        </div>
      )}
    </div>
  );
}
