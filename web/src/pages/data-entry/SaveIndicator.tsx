import type { SaveState } from './use-autosave.ts';

const TEXT: Record<SaveState['kind'], string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Failed to save',
  conflict: 'Not saved',
};

/** Says whether the latest edits are saved; announced politely to screen readers. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <p
      role="status"
      className={`de-save de-save--${state.kind}`}
      title={'message' in state ? state.message : undefined}
    >
      {TEXT[state.kind]}
      {state.kind === 'failed' && <span className="de-save__why">: {state.message}</span>}
    </p>
  );
}
