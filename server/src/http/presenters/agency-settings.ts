import type { AgencySettingsResponse } from '../../contract/agency-settings.ts';
import type { AgencySettings } from '../../domain/agency-settings/get-agency-settings.ts';

export function presentAgencySettings(settings: AgencySettings): AgencySettingsResponse {
  return {
    settings: settings.settings.map((setting) => ({ setting_type: setting.settingType, value: setting.value })),
    jurisdictions: settings.jurisdictions,
    is_subscribed_to_emails: settings.isSubscribedToEmails,
    days_after_time_period_to_send_email: settings.daysAfterTimePeriodToSendEmail,
    is_stepping_up_agency: settings.isSteppingUpAgency,
    population: settings.population,
  };
}
