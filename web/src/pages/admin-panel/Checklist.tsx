/**
 * A searchable list of checkboxes for choosing many of a long list (agencies, child agencies,
 * users): a search box, "Select all shown" / "Clear", and the count chosen.
 */
import { useId, useState } from 'react';
import { Button, Checkbox, TextInput } from '../../components/index.ts';
import { matchesSearch } from './admin-rules.ts';

export interface ChecklistItem {
  id: number;
  label: string;
  /** Extra words shown after the label and searched, e.g. the state. */
  detail?: string;
}

export interface ChecklistProps {
  label: string;
  items: readonly ChecklistItem[];
  chosen: ReadonlySet<number>;
  onChange: (chosen: Set<number>) => void;
  disabled?: boolean;
}

export function Checklist({ label, items, chosen, onChange, disabled }: ChecklistProps) {
  const [query, setQuery] = useState('');
  const headingId = useId();
  const shown = items.filter((item) => matchesSearch(query, [item.label, item.detail, item.id]));
  const set = (ids: number[], on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  return (
    <fieldset className="checklist" aria-labelledby={headingId} disabled={disabled}>
      <div className="checklist__header">
        <span id={headingId} className="field__label">
          {label} <span className="checklist__count">({chosen.size} chosen)</span>
        </span>
        <div className="checklist__actions">
          <Button
            size="sm"
            variant="ghost"
            onClick={() =>
              set(
                shown.map((item) => item.id),
                true,
              )
            }
          >
            Select all shown
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() =>
              set(
                shown.map((item) => item.id),
                false,
              )
            }
          >
            Clear shown
          </Button>
        </div>
      </div>
      <TextInput
        label={`Search ${label.toLowerCase()}`}
        hideLabel
        type="search"
        placeholder="Search by name or ID"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul className="checklist__items">
        {shown.length === 0 && <li className="checklist__empty">Nothing matches.</li>}
        {shown.map((item) => (
          <li key={item.id}>
            <Checkbox
              label={
                <>
                  {item.label} <span className="checklist__detail">{item.detail}</span>
                </>
              }
              checked={chosen.has(item.id)}
              onChange={(event) => set([item.id], event.target.checked)}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
