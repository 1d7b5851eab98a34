/**
 * A row of tabs for switching between panels of one page or dialog. Render the open panel with
 * tabPanelProps(idPrefix, current) so the tab and its panel name each other for screen readers.
 */
import type { ReactNode } from 'react';

export interface TabItem<Id extends string> {
  id: Id;
  label: ReactNode;
}

export interface TabsProps<Id extends string> {
  /** Names the tab list for screen readers. */
  label: string;
  /** Unique on the page; prefixes the ids of the tabs and panels. */
  idPrefix: string;
  tabs: readonly TabItem<Id>[];
  current: Id;
  onSelect: (id: Id) => void;
}

export function Tabs<Id extends string>({ label, idPrefix, tabs, current, onSelect }: TabsProps<Id>) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === current}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          className="tabs__tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function tabPanelProps(idPrefix: string, current: string) {
  return { role: 'tabpanel', id: `${idPrefix}-panel-${current}`, 'aria-labelledby': `${idPrefix}-tab-${current}` };
}
