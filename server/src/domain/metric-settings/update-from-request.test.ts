import { getMetric } from '@jc/catalogue';
import { describe, expect, it } from 'vitest';
import type { MetricSettingUpdate } from '../../contract/metric-settings.ts';
import type { FieldProblem } from '../errors.ts';
import { updateFromRequest } from './update-from-request.ts';

const STAFF = 'metric/prisons/staff/type';

function convert(update: MetricSettingUpdate) {
  const problems: FieldProblem[] = [];
  const stored = updateFromRequest(getMetric(update.key)!, update, 'metrics.0', problems);
  return { stored, problems };
}

describe('updateFromRequest', () => {
  it('turns the reference payload into the stored form with NAMEs and YES/NO', () => {
    const { stored, problems } = convert({
      key: 'PRISONS_TOTAL_STAFF',
      enabled: true,
      is_includes_excludes_configured: 'YES',
      settings: [
        { key: 'VOLUNTEER', included: 'Yes' },
        { key: 'INTERN', included: null },
      ],
      disaggregations: [
        {
          key: STAFF,
          enabled: true,
          is_breakdown_configured: 'YES',
          dimensions: [
            { key: 'Security Staff', enabled: false, is_dimension_includes_excludes_configured: 'YES' },
            {
              key: 'Other Staff',
              contexts: [{ key: 'ADDITIONAL_CONTEXT', value: 'Chaplains' }],
              sub_dimensions: [{ name: ' chaplains ', enabled: true }],
            },
          ],
        },
      ],
    });
    expect(problems).toEqual([]);
    expect(stored.is_metric_enabled).toBe(true);
    expect(stored.includes_excludes_member_to_setting).toEqual({ VOLUNTEER: 'YES' });
    const staff = stored.aggregated_dimensions[STAFF]!;
    expect(staff.dimension_to_enabled_status).toMatchObject({ SECURITY: false, OTHER: true, VACANT: true });
    expect(staff.dimension_to_contexts).toEqual({ OTHER: { ADDITIONAL_CONTEXT: 'Chaplains' } });
    expect(staff.dimension_to_includes_excludes_configured_status).toEqual({ SECURITY: 'YES' });
    expect(staff.dimension_to_other_sub_dimension_to_enabled_status).toEqual({ OTHER: { CHAPLAINS: true } });
    expect(staff.is_breakdown_configured).toBe('YES');
  });

  it('leaves members unanswered when neither they nor the breakdown say anything', () => {
    const { stored } = convert({ key: 'PRISONS_TOTAL_STAFF', disaggregations: [{ key: STAFF, dimensions: [] }] });
    expect(stored.aggregated_dimensions[STAFF]!.dimension_to_enabled_status).toEqual({});
  });

  it('keeps the starting month of annual metrics only', () => {
    const annual = convert({ key: 'PRISONS_ADMISSIONS', custom_frequency: 'ANNUAL', starting_month: 7 });
    expect(annual.stored.custom_reporting_frequency).toEqual({ custom_frequency: 'ANNUAL', starting_month: 7 });
    const monthly = convert({ key: 'PRISONS_ADMISSIONS', custom_frequency: 'MONTHLY', starting_month: 7 });
    expect(monthly.stored.custom_reporting_frequency).toEqual({ custom_frequency: 'MONTHLY', starting_month: null });
  });

  it('names every key the catalogue does not know', () => {
    const { problems } = convert({
      key: 'PRISONS_TOTAL_STAFF',
      settings: [{ key: 'ASTRONAUTS', included: 'Yes' }],
      contexts: [{ key: 'ADDITIONAL_CONTEXT', value: 'x' }],
      starting_month: 3,
      disaggregated_by_supervision_subsystems: true,
      disaggregations: [
        { key: 'metric/unknown', enabled: true },
        {
          key: STAFF,
          dimensions: [
            { key: 'Janitors', enabled: true },
            { key: 'Security Staff', sub_dimensions: [{ name: 'Night', enabled: true }] },
          ],
        },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'metrics.0.settings.0.key',
      'metrics.0.contexts.0.key',
      'metrics.0.starting_month',
      'metrics.0.disaggregated_by_supervision_subsystems',
      'metrics.0.disaggregations.0.key',
      'metrics.0.disaggregations.1.dimensions.0.key',
      'metrics.0.disaggregations.1.dimensions.1.sub_dimensions',
    ]);
    expect(problems[0]!.message).toContain('"ASTRONAUTS" is not a definition setting of PRISONS_TOTAL_STAFF');
    expect(problems[5]!.message).toContain('"Janitors" is not a member of breakdown');
  });
});
