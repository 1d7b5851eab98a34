/**
 * A child agency's Upload ID with Copy and Edit. Saving shows a toast with Undo for a few
 * seconds, which puts the old Upload ID back.
 */
import { useState } from 'react';
import type { AgencySimple } from '@jc/server/contract';
import { useSetUploadId } from '../../api/child-agencies.ts';
import { fieldErrors, messageFor } from '../../api/errors.ts';
import { Button, Modal, TextInput, useToast } from '../../components/index.ts';

const UNDO_SECONDS = 5;

export function UploadIdCell({ child, canEdit }: { child: AgencySimple; canEdit: boolean }) {
  const toast = useToast();
  const save = useSetUploadId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const uploadId = child.custom_child_agency_name;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(uploadId ?? '');
      toast.show('Upload ID copied!', { tone: 'success' });
    } catch {
      toast.error('Your browser did not allow copying; select the Upload ID and copy it instead.');
    }
  };
  const undo = () =>
    save.mutate(
      { childId: child.id, uploadId },
      {
        onSuccess: () => toast.show('Upload ID change undone'),
        onError: (error) => toast.error(messageFor(error)),
      },
    );
  const submit = () =>
    save.mutate(
      { childId: child.id, uploadId: draft.trim() || null },
      {
        onSuccess: () => {
          setEditing(false);
          toast.show('Upload ID saved', {
            tone: 'success',
            duration: UNDO_SECONDS * 1000,
            action: { label: 'Undo', onClick: undo },
          });
        },
      },
    );

  return (
    <span className="upload-id">
      <span className="upload-id__value">{uploadId ?? '–'}</span>
      {uploadId && (
        <Button size="sm" variant="ghost" aria-label={`Copy Upload ID of ${child.name}`} onClick={() => void copy()}>
          Copy
        </Button>
      )}
      {canEdit && (
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Edit Upload ID of ${child.name}`}
          onClick={() => {
            save.reset();
            setDraft(uploadId ?? '');
            setEditing(true);
          }}
        >
          Edit
        </Button>
      )}
      <Modal
        open={editing}
        title="Upload ID"
        size="sm"
        preventClose={save.isPending}
        onClose={() => setEditing(false)}
        footer={
          <>
            <Button onClick={() => setEditing(false)} disabled={save.isPending}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" form={`upload-id-${child.id}`} loading={save.isPending}>
              Save
            </Button>
          </>
        }
      >
        <form
          id={`upload-id-${child.id}`}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextInput
            label={`Upload ID of ${child.name}`}
            hint="The name your spreadsheets use for this agency in the agency column. Leave empty to use its full name."
            placeholder="Enter custom name"
            maxLength={255}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            error={
              save.isError ? (fieldErrors(save.error).custom_child_agency_name ?? messageFor(save.error)) : undefined
            }
          />
        </form>
      </Modal>
    </span>
  );
}
