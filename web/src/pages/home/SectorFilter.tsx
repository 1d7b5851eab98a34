/** A "Sectors" drop-down of checkboxes with Select All, for the child-agency table. */
import { useCallback, useRef, useState } from 'react';
import { Checkbox } from '../../components/index.ts';
import { useClickOutside } from '../../components/use-click-outside.ts';
import { sectorSummary } from './child-agency-rules.ts';

interface SectorFilterProps {
  options: string[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  label: (key: string) => string;
}

export function SectorFilter({ options, chosen, onChange, label }: SectorFilterProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  useClickOutside(
    rootRef,
    open,
    useCallback(() => setOpen(false), []),
  );
  // Nothing chosen means every sector; choosing them all one by one comes back to that.
  const everything = chosen.length === 0;
  const toggle = (key: string) => {
    const next = chosen.includes(key)
      ? chosen.filter((k) => k !== key)
      : options.filter((k) => chosen.includes(k) || k === key);
    onChange(next.length === options.length ? [] : next);
  };

  return (
    <div
      className="sector-filter"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <button type="button" className="input sector-filter__button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="visually-hidden">Sectors: </span>
        {sectorSummary(chosen, label)}
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <fieldset className="sector-filter__popover">
          <legend className="visually-hidden">Show child agencies in these sectors</legend>
          <Checkbox label="Select All" checked={everything} onChange={() => onChange([])} />
          {options.map((key) => (
            <Checkbox key={key} label={label(key)} checked={chosen.includes(key)} onChange={() => toggle(key)} />
          ))}
        </fieldset>
      )}
    </div>
  );
}
