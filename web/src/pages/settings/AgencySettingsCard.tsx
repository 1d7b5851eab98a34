/** A Settings card that needs the agency's settings: a spinner while they load, the error with Retry if they fail. */
import { useId, type ReactNode } from 'react';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { useAgencySettings } from '../../api/agency-settings.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { ErrorState, Spinner } from '../../components/index.ts';

export function AgencySettingsCard({
  title,
  loading,
  children,
}: {
  title: string;
  /** What the spinner says is loading. */
  loading: string;
  children: (settings: AgencySettingsResponse) => ReactNode;
}) {
  const agency = useCurrentAgency();
  const settings = useAgencySettings(agency.id);
  const headingId = useId();
  return (
    <section className="card settings-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="settings-section__title">
        {title}
      </h2>
      {settings.isPending ? (
        <Spinner label={loading} />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        children(settings.data)
      )}
    </section>
  );
}
