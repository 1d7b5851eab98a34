/**
 * A button that opens a list of actions (the menu-button pattern): arrow keys move between items,
 * Escape closes and returns focus to the button, and a click elsewhere closes it.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useClickOutside } from './use-click-outside.ts';

export type MenuItem =
  | { kind: 'link'; label: string; to: string }
  /** A page outside the app, opened in a new tab. */
  | { kind: 'external'; label: string; href: string }
  | { kind: 'action'; label: string; onSelect: () => void }
  | { kind: 'separator' };

export interface MenuProps {
  /** What the button shows, e.g. initials. */
  button: ReactNode;
  /** The button's accessible name, e.g. "Account menu". */
  label: string;
  items: MenuItem[];
  /** Non-interactive text at the top of the list, e.g. the signed-in person's name. */
  header?: ReactNode;
  buttonClassName?: string;
}

export function Menu({ button, label, items, header, buttonClassName }: MenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemElements = () => Array.from(listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  useClickOutside(
    rootRef,
    open,
    useCallback(() => setOpen(false), []),
  );
  useEffect(() => {
    if (open) listRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const elements = itemElements();
    const index = elements.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: elements.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const target = ((moves[event.key] ?? 0) + elements.length) % elements.length;
      elements[target]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName ?? 'menu__button'}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {button}
      </button>
      {open && (
        <div className="menu__popover" onKeyDown={onMenuKeyDown}>
          {header && <div className="menu__header">{header}</div>}
          <div ref={listRef} id={menuId} role="menu" aria-label={label} className="menu__list">
            {items.map((item, index) => (
              <MenuEntry
                key={item.kind === 'separator' ? `sep-${index}` : item.label}
                item={item}
                onDone={() => close(false)}
              />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function MenuEntry({ item, onDone }: { item: MenuItem; onDone: () => void }) {
  if (item.kind === 'separator') return <div role="separator" className="menu__separator" />;
  if (item.kind === 'link') {
    return (
      <Link role="menuitem" tabIndex={-1} className="menu__item" to={item.to} onClick={onDone}>
        {item.label}
      </Link>
    );
  }
  if (item.kind === 'external') {
    return (
      <a
        role="menuitem"
        tabIndex={-1}
        className="menu__item"
        href={item.href}
        target="_blank"
        rel="noreferrer"
        onClick={onDone}
      >
        {item.label}
      </a>
    );
  }
  return (
    <button
      role="menuitem"
      tabIndex={-1}
      type="button"
      className="menu__item"
      onClick={() => {
        onDone();
        item.onSelect();
      }}
    >
      {item.label}
    </button>
  );
}
