/** The drop zone: drag a file onto it or browse for one. The input is reset so the same file can be sent again. */
import { useRef, useState, type DragEvent } from 'react';
import { UPLOAD_LIMITS } from '../../api/uploads.ts';
import { Button } from '../../components/index.ts';

const MAX_MB = UPLOAD_LIMITS.maxFileBytes / 1024 / 1024;

export function FileDrop({ disabled, onFile }: { disabled: boolean; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={['up-drop', over && 'up-drop--over', disabled && 'up-drop--disabled'].filter(Boolean).join(' ')}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="up-drop__title">Drag &amp; drop a file here</p>
      <Button variant="primary" disabled={disabled} onClick={() => input.current?.click()}>
        Browse for a file
      </Button>
      <p className="up-drop__hint">Excel workbooks (.xlsx) or CSV files (.csv), up to {MAX_MB} MB</p>
      <input
        ref={input}
        type="file"
        aria-label="Spreadsheet file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
