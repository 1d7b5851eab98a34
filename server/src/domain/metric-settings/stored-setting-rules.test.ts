import { describe, expect, it } from 'vitest';
import { emptyStoredSetting, readStoredSetting } from './stored-setting-rules.ts';

describe('readStoredSetting', () => {
  it('reads the reference document unchanged', () => {
    const document = {
      key: 'PAROLE_POPULATION',
      is_metric_enabled: true,
      contexts: { INCLUDES_EXCLUDES_DESCRIPTION: 'We also count X' },
      aggregated_dimensions: {
        'metric/supervision/daily_population/type': {
          dimension_to_enabled_status: { ACTIVE: true, OTHER: true },
          dimension_to_includes_excludes_member_to_setting: { ACTIVE: { TELEPHONE_MAIL_CONTACTS: 'YES' } },
          contexts: {},
          dimension_to_contexts: { OTHER: { ADDITIONAL_CONTEXT: 'furlough' } },
          is_breakdown_configured: 'YES',
          dimension_to_includes_excludes_configured_status: { ACTIVE: 'NO' },
          dimension_to_other_sub_dimension_to_enabled_status: { OTHER: { FURLOUGH: true } },
        },
      },
      disaggregated_by_supervision_subsystems: true,
      includes_excludes_member_to_setting: { PAROLE_EARLY_RELEASE: 'YES', PAROLE_ANOTHER_JURISTICTION: 'NO' },
      custom_reporting_frequency: { custom_frequency: 'ANNUAL', starting_month: 7 },
      is_includes_excludes_configured: 'YES',
      reporting_agency_id: null,
      is_self_reported: null,
      version: 'v1',
    };
    expect(readStoredSetting('PAROLE_POPULATION', document)).toEqual(document);
  });

  it('reads missing or stray values as not configured', () => {
    expect(readStoredSetting('X', null)).toEqual(emptyStoredSetting('X'));
    const odd = readStoredSetting('X', {
      is_metric_enabled: 'yes',
      custom_reporting_frequency: { custom_frequency: 'WEEKLY', starting_month: 13 },
      includes_excludes_member_to_setting: { A: 'YES', B: 'maybe' },
    });
    expect(odd.is_metric_enabled).toBeNull();
    expect(odd.custom_reporting_frequency).toEqual({ custom_frequency: null, starting_month: null });
    expect(odd.includes_excludes_member_to_setting).toEqual({ A: 'YES' });
  });
});
