/**
 * Copy a superagency's metric settings to chosen child agencies, for chosen metrics. The copy
 * runs at once on the server, in one transaction, and the answer lists what each child got.
 */
import { useState } from 'react';
import { useAdminAgency, useCopyToChildren } from '../../api/admin.ts';
import type { AdminAgencySummary, CopyToChildrenResponse } from '@jc/server/contract';
import { messageFor } from '../../api/errors.ts';
import { Button, ErrorState, Spinner, useToast } from '../../components/index.ts';
import { Checklist } from './Checklist.tsx';

export interface CopySettingsPanelProps {
  agency: AdminAgencySummary;
  all: readonly AdminAgencySummary[];
}

export function CopySettingsPanel({ agency, all }: CopySettingsPanelProps) {
  const details = useAdminAgency(agency.id);
  const copy = useCopyToChildren(agency.id);
  const toast = useToast();
  const children = all.filter((other) => agency.child_agency_ids.includes(other.id));
  const [chosenChildren, setChosenChildren] = useState<Set<number>>(new Set(agency.child_agency_ids));
  const [chosenMetrics, setChosenMetrics] = useState<Set<number>>(new Set());
  const [result, setResult] = useState<CopyToChildrenResponse | null>(null);
  if (details.isPending) return <Spinner label="Loading metrics…" />;
  if (details.isError) return <ErrorState error={details.error} onRetry={() => void details.refetch()} />;
  const metrics = details.data.metrics;

  const onCopy = () => {
    const body = {
      metric_definition_key_subset: [...chosenMetrics].map((index) => metrics[index]!.key),
      child_agency_id_subset: [...chosenChildren].map(String),
    };
    copy.mutate(body, {
      onSuccess: (answer) => {
        setResult(answer);
        const total = answer.copied.reduce((sum, child) => sum + child.metric_keys.length, 0);
        toast.show(`Copied ${total} metric settings to ${answer.copied.length} child agencies.`, { tone: 'success' });
      },
      onError: (error) => toast.error(messageFor(error)),
    });
  };

  return (
    <div className="admin-form">
      <p className="admin-warning" role="note">
        <strong>Warning: this cannot be undone.</strong> The chosen metrics' settings in the chosen child agencies are
        overwritten with {agency.name}'s. Who reports each metric stays as set for each child.
      </p>
      <Checklist
        label="Child agencies"
        items={children.map((child) => ({ id: child.id, label: child.name, detail: `ID ${child.id}` }))}
        chosen={chosenChildren}
        onChange={setChosenChildren}
      />
      <Checklist
        label="Metrics"
        items={metrics.map((metric, index) => ({ id: index, label: metric.name, detail: metric.sector.toLowerCase() }))}
        chosen={chosenMetrics}
        onChange={setChosenMetrics}
      />
      <div>
        <Button
          variant="danger"
          onClick={onCopy}
          loading={copy.isPending}
          disabled={chosenChildren.size === 0 || chosenMetrics.size === 0}
        >
          Copy settings to {chosenChildren.size} child {chosenChildren.size === 1 ? 'agency' : 'agencies'}
        </Button>
      </div>
      {result && (
        <section aria-label="What was copied" className="admin-copy-result">
          <h3>What was copied</h3>
          <ul>
            {result.copied.map((child) => (
              <li key={child.agency_id}>
                <strong>{child.agency_name}</strong>: {child.metric_keys.length} copied
                {child.skipped_metric_keys.length > 0 &&
                  `, ${child.skipped_metric_keys.length} skipped (not configured by the superagency or not one of the child's sectors)`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
