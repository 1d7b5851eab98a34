import { useState } from 'react';
import { Link } from 'react-router';
import type { MetricSettingJson } from '@jc/server/contract';
import { Page, Select } from '../../components/index.ts';
import { MetricAvailability } from './MetricAvailability.tsx';
import { MetricBreakdowns } from './MetricBreakdowns.tsx';
import { MetricDefinitions } from './MetricDefinitions.tsx';
import { MetricDisaggregation } from './MetricDisaggregation.tsx';
import { isDisaggregated, subpopulationCopies } from '../../rules/overview-rules.ts';
import { useSaveSettings } from './use-save-settings.ts';
import type { MetricPanelProps } from './metric-panel.ts';
import { ReadOnlyNotice } from './ReadOnlyNotice.tsx';
import { SettingHistoryButton } from './SettingHistory.tsx';

export interface MetricConfigurationProps {
  metrics: MetricSettingJson[];
  /** The metric named in the address (the combined one for supervision). */
  base: MetricSettingJson;
  canEdit: boolean;
  agencyId: number;
}

export function MetricConfiguration({ metrics, base, canEdit, agencyId }: MetricConfigurationProps) {
  const { save } = useSaveSettings(agencyId);
  const [tab, setTab] = useState<'configure' | 'define'>('configure');
  const [selectedKey, setSelectedKey] = useState(base.key);
  const disaggregated = isDisaggregated(metrics, base);
  const copies = subpopulationCopies(metrics, base);
  const current = metrics.find((m) => m.key === base.key) ?? base;
  const selected = (disaggregated && metrics.find((m) => m.key === selectedKey)) || current;
  const canDefine = current.enabled === true || disaggregated;
  const panel: MetricPanelProps = { metric: selected, canEdit, save };

  const subpopulationPicker = disaggregated && (
    <div className="mc-picker">
      <Select label="Supervision population" value={selected.key} onChange={(e) => setSelectedKey(e.target.value)}>
        <option value={base.key}>Supervision (Combined)</option>
        {copies.map((copy) => (
          <option key={copy.key} value={copy.key}>
            {copy.system.display_name}
          </option>
        ))}
      </Select>
    </div>
  );

  return (
    <Page
      title={base.display_name}
      description={
        <>
          {base.description} <span className="mc-sector">Sector: {base.system.display_name}</span>
        </>
      }
      actions={
        <>
          <SettingHistoryButton agencyId={agencyId} metricKey={selected.key} title={selected.display_name} />
          <Link className="mc-back" to={`?system=${encodeURIComponent(base.system.key)}`}>
            ← Metrics
          </Link>
        </>
      }
    >
      {!canEdit && <ReadOnlyNotice />}
      <div className="mc-tabs" role="tablist" aria-label="Metric settings">
        <button
          type="button"
          role="tab"
          className="mc-tabs__tab"
          aria-selected={tab === 'configure'}
          onClick={() => setTab('configure')}
        >
          Configure Metrics
        </button>
        <button
          type="button"
          role="tab"
          className="mc-tabs__tab"
          aria-selected={tab === 'define'}
          disabled={!canDefine}
          title={canDefine ? undefined : 'Make the metric available first.'}
          onClick={() => setTab('define')}
        >
          Define Metrics
        </button>
      </div>
      {tab === 'configure' && <MetricDisaggregation canEdit={canEdit} save={save} metrics={metrics} base={current} />}
      {subpopulationPicker}
      {tab === 'configure' ? (
        <>
          <MetricAvailability {...panel} metrics={metrics} base={current} />
          <MetricBreakdowns {...panel} />
          {selected.enabled === true && (
            <button type="button" className="mc-link-button" onClick={() => setTab('define')}>
              Define Metric and Breakdowns →
            </button>
          )}
        </>
      ) : (
        <MetricDefinitions {...panel} />
      )}
    </Page>
  );
}
