import { describe, expect, it } from 'vitest';
import { sectorTabs, taskCards } from './task-rules.ts';
import { homeOf, metricJson, recordPage } from './test-home.ts';

const arrests = metricJson('LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT', { enabled: true });
const calls = metricJson('LAW_ENFORCEMENT_CALLS', 'LAW_ENFORCEMENT', { enabled: true });
const funding = metricJson('LAW_ENFORCEMENT_FUNDING', 'LAW_ENFORCEMENT', {
  enabled: true,
  frequency: 'ANNUAL',
  starting_month: 7,
});
const staff = metricJson('LAW_ENFORCEMENT_STAFF', 'LAW_ENFORCEMENT', { enabled: null });
const force = metricJson('LAW_ENFORCEMENT_FORCE', 'LAW_ENFORCEMENT', { enabled: false });

/** Early April 2024: March 2024 and the fiscal year July 2022 – June 2023 are the latest that have ended. */
const TODAY = '2024-04-03';
const kinds = (cards: ReturnType<typeof taskCards>) => cards.map((c) => c.id);

describe('taskCards', () => {
  it('asks to set up unanswered metrics and add data for reported ones, with no record yet', () => {
    const cards = taskCards(homeOf([arrests, funding, staff, force]), TODAY);
    expect(kinds(cards)).toEqual([
      'configure-LAW_ENFORCEMENT_STAFF',
      'add-data-LAW_ENFORCEMENT_ARRESTS',
      'add-data-LAW_ENFORCEMENT_FUNDING',
    ]);
    expect(cards[1]).toMatchObject({
      kind: 'add-data',
      record: null,
      period: { start: '2024-03-01', end: '2024-04-01' },
    });
    expect(cards[2]).toMatchObject({ period: { start: '2022-07-01', end: '2023-07-01' } });
  });

  it('points each metric at the record of the latest ended period of its frequency and starting month', () => {
    const march = recordPage(10, { frequency: 'MONTHLY', year: 2024, month: 3 }, 'NOT_STARTED', [[arrests, null]]);
    const calendar = recordPage(11, { frequency: 'ANNUAL', year: 2023, month: 1 }, 'NOT_STARTED', []);
    const fiscal = recordPage(12, { frequency: 'ANNUAL', year: 2022, month: 7 }, 'NOT_STARTED', [[funding, null]]);
    const cards = taskCards(
      homeOf([arrests, funding], { monthly: march, annual: { '1': calendar, '7': fiscal } }),
      TODAY,
    );
    expect(cards.map((c) => (c.kind === 'add-data' ? c.record?.id : null))).toEqual([10, 12]);
  });

  it('names the latest ended period, not an older record, once a month has passed', () => {
    const march = recordPage(10, { frequency: 'MONTHLY', year: 2024, month: 3 }, 'NOT_STARTED', [[arrests, null]]);
    const [card] = taskCards(homeOf([arrests], { monthly: march }), '2024-05-02');
    expect(card).toMatchObject({ record: null, period: { start: '2024-04-01', end: '2024-05-01' } });
  });

  it('gathers figures in an unpublished record into one publish card, and none once published', () => {
    const values: [typeof arrests, number | null][] = [
      [arrests, 5],
      [calls, 7],
    ];
    const draft = recordPage(20, { frequency: 'MONTHLY', year: 2024, month: 3 }, 'DRAFT', values);
    expect(taskCards(homeOf([arrests, calls], { monthly: draft }), TODAY)).toEqual([
      { kind: 'publish', id: 'publish-20', record: draft, metricNames: ['ARRESTS', 'CALLS'] },
    ]);
    const published = { ...draft, status: 'PUBLISHED' as const };
    expect(taskCards(homeOf([arrests, calls], { monthly: published }), TODAY)).toEqual([]);
  });

  it('keeps to one sector when a tab is chosen', () => {
    const prisons = metricJson('PRISONS_FUNDING', 'PRISONS', { enabled: null });
    const home = homeOf([arrests, prisons]);
    expect(kinds(taskCards(home, TODAY, 'PRISONS'))).toEqual(['configure-PRISONS_FUNDING']);
    expect(kinds(taskCards(home, TODAY))).toEqual(['configure-PRISONS_FUNDING', 'add-data-LAW_ENFORCEMENT_ARRESTS']);
  });

  it('asks for supervision figures per sub-population once the agency splits a metric', () => {
    const combined = metricJson('SUPERVISION_FUNDING', 'SUPERVISION', {
      enabled: true,
      disaggregated_by_supervision_subsystems: true,
    });
    const parole = metricJson('PAROLE_FUNDING', 'PAROLE', { enabled: true });
    const probation = metricJson('PROBATION_FUNDING', 'PROBATION', { enabled: null });
    expect(kinds(taskCards(homeOf([combined, parole, probation]), TODAY))).toEqual([
      'configure-PROBATION_FUNDING',
      'add-data-PAROLE_FUNDING',
    ]);
    const whole = { ...combined, disaggregated_by_supervision_subsystems: false };
    expect(kinds(taskCards(homeOf([whole, parole, probation]), TODAY))).toEqual(['add-data-SUPERVISION_FUNDING']);
  });
});

describe('sectorTabs', () => {
  it('has no tabs for a single sector', () => {
    expect(sectorTabs([arrests, funding])).toEqual([]);
  });

  it('lists All and each sector, and a sub-population only when it reports a metric', () => {
    const combined = metricJson('SUPERVISION_FUNDING', 'SUPERVISION', {
      enabled: true,
      disaggregated_by_supervision_subsystems: true,
    });
    const parole = metricJson('PAROLE_FUNDING', 'PAROLE', { enabled: true });
    const probation = metricJson('PROBATION_FUNDING', 'PROBATION', { enabled: false });
    expect(sectorTabs([combined, parole, probation]).map((s) => s.key)).toEqual(['ALL', 'SUPERVISION', 'PAROLE']);
  });
});
