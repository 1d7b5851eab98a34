/** An editor's name, with a "JC" badge for Justice Counts staff so agencies can tell who changed what. */
import type { Editor } from '@jc/server/contract';
import { Badge } from './Badge.tsx';

export function EditorName({ editor }: { editor: Editor }) {
  return (
    <span className="editor-name">
      {editor.name}
      {editor.role === 'JUSTICE_COUNTS_ADMIN' && (
        <span title="Justice Counts staff">
          <Badge tone="info">JC</Badge>
          <span className="visually-hidden"> (Justice Counts staff)</span>
        </span>
      )}
    </span>
  );
}
