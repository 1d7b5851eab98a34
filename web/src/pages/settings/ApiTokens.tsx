/**
 * API tokens, for scripts that upload spreadsheets or read the agency's data without a browser:
 * make one (its secret is shown once, to copy), see when each was last used, revoke it. An agency
 * admin sees and may revoke the whole team's tokens; everyone else sees their own.
 */
import { useState, type FormEvent } from 'react';
import {
  useApiTokens,
  useCreateApiToken,
  useRevokeApiToken,
  type ApiTokenSummary,
  type CreatedApiToken,
} from '../../api/api-tokens.ts';
import { messageFor } from '../../api/errors.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Button, ErrorState, Modal, Spinner, Table, TextInput, useToast, type Column } from '../../components/index.ts';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : 'Never';

function NewTokenForm({ agencyId, onCreated }: { agencyId: number; onCreated: (token: CreatedApiToken) => void }) {
  const create = useCreateApiToken(agencyId);
  const [name, setName] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setName('');
        onCreated(token);
      },
    });
  };
  return (
    <form className="api-tokens__new" onSubmit={onSubmit} noValidate>
      <TextInput
        label="Token name"
        hint="Say what will use it, such as “Monthly upload script”."
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={create.error ? messageFor(create.error) : undefined}
      />
      <Button type="submit" variant="secondary" disabled={!name.trim()} loading={create.isPending}>
        Make token
      </Button>
    </form>
  );
}

function NewTokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'refused'>();
  const copy = () =>
    navigator.clipboard.writeText(token.token).then(
      () => setCopied('yes'),
      () => setCopied('refused'),
    );
  return (
    <div className="api-tokens__secret" role="region" aria-label="Your new token">
      <p>
        <strong>Copy “{token.name}” now: this is the only time it is shown.</strong> Scripts send it as the header{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      <input
        className="api-tokens__value"
        aria-label="New token"
        readOnly
        value={token.token}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="api-tokens__actions">
        <Button onClick={() => void copy()}>Copy token</Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <p role="status">
        {copied === 'yes' && 'The token is copied.'}
        {copied === 'refused' && 'This browser did not allow copying: select the token and copy it yourself.'}
      </p>
    </div>
  );
}

function RevokeDialog({ agencyId, token, onClose }: { agencyId: number; token: ApiTokenSummary; onClose: () => void }) {
  const revoke = useRevokeApiToken(agencyId);
  const toast = useToast();
  const confirm = () =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        toast.show(`“${token.name}” is revoked.`, { tone: 'success' });
        onClose();
      },
    });
  return (
    <Modal
      open
      title="Revoke this token?"
      onClose={onClose}
      preventClose={revoke.isPending}
      footer={
        <>
          <Button onClick={onClose}>Keep it</Button>
          <Button variant="danger" loading={revoke.isPending} onClick={confirm}>
            Revoke
          </Button>
        </>
      }
    >
      <p>
        Scripts that use “{token.name}” ({token.owner_name || token.owner_email}) stop working at once. This cannot be
        undone; make a new token if it is needed again.
      </p>
      {revoke.error && (
        <p className="alert alert--error" role="alert">
          {messageFor(revoke.error)}
        </p>
      )}
    </Modal>
  );
}

export function ApiTokens() {
  const agency = useCurrentAgency();
  const tokens = useApiTokens(agency.id);
  const [created, setCreated] = useState<CreatedApiToken>();
  const [revoking, setRevoking] = useState<ApiTokenSummary>();
  const columns: Column<ApiTokenSummary>[] = [
    { key: 'name', header: 'Name', cell: (token) => token.name },
    { key: 'owner', header: 'Made by', cell: (token) => token.owner_name || token.owner_email || 'Unknown' },
    { key: 'created', header: 'Made', cell: (token) => when(token.created_at) },
    { key: 'used', header: 'Last used', cell: (token) => when(token.last_used_at) },
    {
      key: 'revoke',
      header: <span className="visually-hidden">Actions</span>,
      align: 'end',
      cell: (token) => (
        <Button size="sm" variant="ghost" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
          Revoke
        </Button>
      ),
    },
  ];
  return (
    <section className="card settings-section" aria-labelledby="api-tokens">
      <h2 id="api-tokens" className="settings-section__title">
        API tokens
      </h2>
      <p className="settings-muted">
        For scripts that upload spreadsheets or read {agency.name}’s data without signing in. A token acts as the person
        who made it, with their role, in this agency only. Agency admins see the whole team’s tokens, and may revoke
        them.
      </p>
      {created ? (
        <NewTokenSecret token={created} onDone={() => setCreated(undefined)} />
      ) : (
        <NewTokenForm agencyId={agency.id} onCreated={setCreated} />
      )}
      {tokens.isPending ? (
        <Spinner label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table
          caption="API tokens"
          hideCaption
          columns={columns}
          rows={tokens.data}
          rowKey={(token) => token.id}
          empty="No tokens yet."
        />
      )}
      {revoking && <RevokeDialog agencyId={agency.id} token={revoking} onClose={() => setRevoking(undefined)} />}
    </section>
  );
}
