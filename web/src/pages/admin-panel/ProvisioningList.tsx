/**
 * The shape both admin lists share (agencies and users): a search box and the panel's buttons, any
 * filters, the table with Edit and Delete on every row, and the question before a deletion, with
 * its outcome as a toast.
 */
import { useState, type ReactNode } from 'react';
import { messageFor } from '../../api/errors.ts';
import { Button, ErrorState, Spinner, Table, TextInput, useToast, type Column } from '../../components/index.ts';
import { ConfirmDeleteModal } from './ConfirmDeleteModal.tsx';

export interface ProvisioningListProps<Item extends { id: number }> {
  /** "Agencies" or "Users": names the section and the table. */
  title: string;
  search: { label: string; placeholder: string; value: string; onChange: (value: string) => void };
  /** The panel's own buttons beside the search box. */
  toolbar: ReactNode;
  filters?: ReactNode;
  list: { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown };
  all: readonly Item[];
  shown: readonly Item[];
  /** The columns before the row's actions. */
  columns: Column<Item>[];
  empty: string;
  nameOf: (item: Item) => string;
  /** Actions before Edit, such as a link to open the item. */
  rowLinks?: (item: Item) => ReactNode;
  onEdit: (item: Item) => void;
  /** Why an item may not be deleted, when it may not. */
  cannotDelete?: (item: Item) => string | undefined;
  remove: { mutate: (id: number, callbacks: DeleteCallbacks) => void; isPending: boolean };
  /** What else goes with a deleted item, in a sentence. */
  deleteConsequences: string;
  /** The panel's own dialogs. */
  children?: ReactNode;
}

interface DeleteCallbacks {
  onSuccess: () => void;
  onError: (error: Error) => void;
  onSettled: () => void;
}

export function ProvisioningList<Item extends { id: number }>(props: ProvisioningListProps<Item>) {
  const { title, search, list, all, shown, nameOf, remove } = props;
  const toast = useToast();
  const [deleting, setDeleting] = useState<Item | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    const who = nameOf(deleting);
    remove.mutate(deleting.id, {
      onSuccess: () => toast.show(`${who} has been deleted.`, { tone: 'success' }),
      onError: (error) => toast.error(`${who} could not be deleted: ${messageFor(error)}`),
      onSettled: () => setDeleting(null),
    });
  };

  const actions: Column<Item> = {
    key: 'actions',
    header: <span className="visually-hidden">Actions</span>,
    align: 'end',
    cell: (item) => {
      const refusal = props.cannotDelete?.(item);
      return (
        <span className="admin-row-actions">
          {props.rowLinks?.(item)}
          <Button size="sm" onClick={() => props.onEdit(item)} aria-label={`Edit ${nameOf(item)}`}>
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={refusal !== undefined}
            title={refusal}
            onClick={() => setDeleting(item)}
            aria-label={`Delete ${nameOf(item)}`}
          >
            Delete
          </Button>
        </span>
      );
    },
  };

  return (
    <section aria-label={title}>
      <div className="admin-toolbar">
        <TextInput
          label={search.label}
          hideLabel
          type="search"
          placeholder={search.placeholder}
          value={search.value}
          onChange={(event) => search.onChange(event.target.value)}
          className="admin-toolbar__search"
        />
        {props.toolbar}
      </div>
      {props.filters}
      {list.isPending ? (
        <Spinner label={`Loading ${title.toLowerCase()}…`} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          caption={`${title} (${shown.length} of ${all.length})`}
          columns={[...props.columns, actions]}
          rows={shown}
          rowKey={(item) => item.id}
          empty={props.empty}
        />
      )}
      {props.children}
      <ConfirmDeleteModal
        what={deleting && nameOf(deleting)}
        consequences={props.deleteConsequences}
        deleting={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
