/**
 * Your email reminders for this agency: a monthly note listing the metrics still missing a set
 * number of days after each period ends, plus confirmations of automated uploads. Each change is
 * saved straight away (the days when you leave the box).
 */
import { useState } from 'react';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { useUpdateSubscription } from '../../api/agency-settings.ts';
import { messageFor } from '../../api/errors.ts';
import { useUser } from '../../api/session.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Checkbox, NumberInput, useToast } from '../../components/index.ts';
import { AgencySettingsCard } from './AgencySettingsCard.tsx';
import { REMINDER_DAYS_PROBLEM, reminderDays } from './settings-rules.ts';

function RemindersForm({ settings }: { settings: AgencySettingsResponse }) {
  const agency = useCurrentAgency();
  const user = useUser();
  const toast = useToast();
  const update = useUpdateSubscription(agency.id, user.id);
  const [daysText, setDaysText] = useState(String(settings.days_after_time_period_to_send_email));
  const [problem, setProblem] = useState<string>();
  // Shown as chosen at once, and put back if the server refuses.
  const [subscribed, setSubscribed] = useState(settings.is_subscribed_to_emails);

  const send = (isSubscribed: boolean, days: number) => {
    setSubscribed(isSubscribed);
    update.mutate(
      { is_subscribed: isSubscribed, days_after_time_period_to_send_email: days },
      {
        onSuccess: () => toast.show('Email settings updated', { tone: 'success' }),
        onError: (error) => {
          setSubscribed(settings.is_subscribed_to_emails);
          toast.error(messageFor(error));
        },
      },
    );
  };
  const saveDays = () => {
    const days = reminderDays(daysText);
    setProblem(days === undefined ? REMINDER_DAYS_PROBLEM : undefined);
    if (days !== undefined && days !== settings.days_after_time_period_to_send_email) send(subscribed, days);
  };

  return (
    <div className="settings-reminders">
      <Checkbox
        label="Send me emails"
        hint={`Reminders about metrics ${agency.name} has not reported yet, and confirmations of automated uploads.`}
        checked={subscribed}
        disabled={update.isPending}
        onChange={(event) =>
          send(event.target.checked, reminderDays(daysText) ?? settings.days_after_time_period_to_send_email)
        }
      />
      <NumberInput
        label="Days after the end of the reporting period"
        hint="The reminder for a month goes out this many days after the month ends."
        value={daysText}
        error={problem}
        disabled={!subscribed}
        onChange={(event) => setDaysText(event.target.value)}
        onBlur={saveDays}
        onKeyDown={(event) => event.key === 'Enter' && saveDays()}
      />
    </div>
  );
}

export function EmailReminders() {
  return (
    <AgencySettingsCard title="Email reminders" loading="Loading your email settings…">
      {(settings) => <RemindersForm settings={settings} />}
    </AgencySettingsCard>
  );
}
