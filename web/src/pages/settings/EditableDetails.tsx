/**
 * A Settings block of answers that agency admins edit in a dialog: the block's intro with Edit, a
 * row per answer, and the dialog while it is open.
 */
import { useState, type ReactNode } from 'react';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { SettingsBlockIntro } from './SettingsBlockIntro.tsx';

export interface DetailRow {
  key: string;
  label: ReactNode;
  text: ReactNode;
}

export function EditableDetails(props: {
  /** The block's name, for the Edit button's accessible name. */
  label: string;
  intro: string;
  configured: boolean;
  rows: DetailRow[];
  dialog: (close: () => void) => ReactNode;
}) {
  const agency = useCurrentAgency();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <SettingsBlockIntro
        label={props.label}
        intro={props.intro}
        configured={props.configured}
        canEdit={agency.can['agency.edit']}
        onEdit={() => setEditing(true)}
      />
      <dl className="settings-details">
        {props.rows.map((row) => (
          <div key={row.key} className="settings-details__row">
            <dt>{row.label}</dt>
            <dd>{row.text}</dd>
          </div>
        ))}
      </dl>
      {editing && props.dialog(() => setEditing(false))}
    </>
  );
}
