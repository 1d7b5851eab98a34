/** The top of a Settings block: what it is for, a mark when it has not been filled in, and Edit for agency admins. */
import { Button } from '../../components/index.ts';

export function SettingsBlockIntro(props: {
  /** The block's name, for the Edit button's accessible name. */
  label: string;
  intro: string;
  configured: boolean;
  canEdit: boolean;
  onEdit: () => void;
}) {
  return (
    <div className="settings-block-intro">
      <p className="settings-intro">
        {props.intro}
        {!props.configured && <span className="settings-unset"> Not filled in yet.</span>}
      </p>
      {props.canEdit && (
        <Button size="sm" variant="ghost" onClick={props.onEdit} aria-label={`Edit ${props.label.toLowerCase()}`}>
          Edit
        </Button>
      )}
    </div>
  );
}
