/**
 * Whether every member of the agency must use two-factor sign-in (the REQUIRE_TWO_FACTOR agency
 * setting). Agency admins switch it; every member sees it. Members who sign in with a password
 * set it up at their next sign-in; single sign-on members rely on their organization's checks.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { booleanSetting, useUpdateAgency } from '../../api/agency-settings.ts';
import { messageFor } from '../../api/errors.ts';
import { twoFactorKeys } from '../../api/two-factor.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Checkbox, useToast } from '../../components/index.ts';
import { AgencySettingsCard } from './AgencySettingsCard.tsx';

const HINT =
  'Members who sign in with a password are asked to set it up at their next sign-in and cannot turn it off. Members who use single sign-on rely on their organization’s own checks.';

function Requirement({ settings }: { settings: AgencySettingsResponse }) {
  const agency = useCurrentAgency();
  const update = useUpdateAgency(agency.id);
  const queryClient = useQueryClient();
  const toast = useToast();
  // Shown as chosen at once, and put back if the server refuses.
  const [required, setRequired] = useState(() => booleanSetting(settings, 'REQUIRE_TWO_FACTOR'));
  const canEdit = agency.can['agency.edit'];

  const change = (value: boolean) => {
    setRequired(value);
    update.mutate(
      { settings: [{ setting_type: 'REQUIRE_TWO_FACTOR', value }] },
      {
        onSuccess: () => {
          // Whether the person may turn off their own two-factor sign-in may have changed too.
          void queryClient.invalidateQueries({ queryKey: twoFactorKeys.mine });
          toast.show(value ? 'Two-factor sign-in is now required.' : 'Two-factor sign-in is no longer required.', {
            tone: 'success',
          });
        },
        onError: (error) => {
          setRequired(!value);
          toast.error(messageFor(error));
        },
      },
    );
  };
  return (
    <>
      <Checkbox
        label={`Require two-factor sign-in for every member of ${agency.name}`}
        hint={HINT}
        checked={required}
        disabled={!canEdit || update.isPending}
        onChange={(event) => change(event.target.checked)}
      />
      {!canEdit && <p className="settings-muted">Only agency admins can change this.</p>}
    </>
  );
}

export function MemberTwoFactor() {
  return (
    <AgencySettingsCard title="Two-factor sign-in for members" loading="Loading the agency’s settings…">
      {(settings) => <Requirement settings={settings} />}
    </AgencySettingsCard>
  );
}
