/**
 * Manage Vendors: add a vendor (name and web address), edit or remove one. Vendors can then be
 * chosen as the reporting agency of an agency's metrics.
 */
import { useState, type FormEvent } from 'react';
import type { Vendor } from '@jc/server/contract';
import { useDeleteVendor, useSaveVendor, useVendors } from '../../api/admin.ts';
import { fieldErrors, messageFor } from '../../api/errors.ts';
import { Button, ErrorState, Modal, Spinner, TextInput, useToast } from '../../components/index.ts';
import { isHomepage } from './admin-rules.ts';

export function VendorsModal({ onClose }: { onClose: () => void }) {
  const vendors = useVendors();
  const save = useSaveVendor();
  const remove = useDeleteVendor();
  const toast = useToast();
  const [editing, setEditing] = useState<Vendor | null>(null);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const serverErrors = fieldErrors(save.error);
  const urlProblem = isHomepage(url)
    ? serverErrors.url
    : 'Invalid URL format: use a web address such as https://www.example.com.';

  const clear = () => {
    setEditing(null);
    setName('');
    setUrl('');
    save.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: editing?.id ?? null, name: name.trim(), url: url.trim() },
      {
        onSuccess: (saved) => {
          toast.show(`${saved.name} ${editing ? 'updated' : 'added'}.`, { tone: 'success' });
          clear();
        },
        onError: (error) => toast.error(messageFor(error)),
      },
    );
  };
  const onRemove = (vendor: Vendor) =>
    remove.mutate(vendor.id, {
      onSuccess: () => {
        toast.show(`${vendor.name} removed; metrics it reported no longer name it.`, { tone: 'success' });
        if (editing?.id === vendor.id) clear();
      },
      onError: (error) => toast.error(messageFor(error)),
    });

  return (
    <Modal open title="Manage Vendors" size="lg" onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
      <form className="admin-vendor-form" onSubmit={onSubmit} noValidate>
        <TextInput
          label="Vendor name"
          placeholder="Enter vendor name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={serverErrors.name}
        />
        <TextInput
          label="Vendor URL"
          placeholder="Enter vendor URL"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={urlProblem}
        />
        <div className="admin-row-actions">
          <Button type="submit" variant="primary" disabled={!name.trim() || !isHomepage(url)} loading={save.isPending}>
            {editing ? 'Update' : 'Add'}
          </Button>
          <Button onClick={clear}>Clear</Button>
        </div>
      </form>
      <h3 className="admin-subtitle">Current vendors</h3>
      {vendors.isPending ? (
        <Spinner label="Loading vendors…" />
      ) : vendors.isError ? (
        <ErrorState error={vendors.error} onRetry={() => void vendors.refetch()} />
      ) : vendors.data.length === 0 ? (
        <p className="field__hint">No vendors yet.</p>
      ) : (
        <ul className="admin-team">
          {vendors.data.map((vendor) => (
            <li key={vendor.id} className="admin-vendor">
              <span className="admin-team__who">
                <strong>{vendor.name}</strong>
                <span className="admin-team__email">{vendor.url ?? 'No web address'}</span>
              </span>
              <span className="admin-row-actions">
                <Button
                  size="sm"
                  aria-label={`Edit ${vendor.name}`}
                  onClick={() => {
                    setEditing(vendor);
                    setName(vendor.name);
                    setUrl(vendor.url ?? '');
                  }}
                >
                  Edit
                </Button>
                <Button size="sm" variant="ghost" aria-label={`Remove ${vendor.name}`} onClick={() => onRemove(vendor)}>
                  Remove
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
