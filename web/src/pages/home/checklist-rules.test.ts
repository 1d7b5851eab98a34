import { describe, expect, it } from 'vitest';
import { checklistOpen, checklistSteps } from './checklist-rules.ts';

describe('checklistSteps', () => {
  it('words the five topics in their stored order and leaves out unknown ones', () => {
    const steps = checklistSteps([
      { topicID: 'METRIC_CONFIG', topicCompleted: true },
      { topicID: 'TOUR', topicCompleted: false },
      { topicID: 'WELCOME', topicCompleted: false },
    ]);
    expect(steps.map((s) => [s.topicID, s.page?.name ?? null, s.guide, s.done])).toEqual([
      ['METRIC_CONFIG', 'Set Up Metrics', 'set-up-metrics', true],
      ['WELCOME', null, 'getting-started', false],
    ]);
    expect(checklistOpen(steps)).toBe(true);
    expect(checklistOpen(steps.map((s) => ({ ...s, done: true })))).toBe(false);
    expect(checklistOpen([])).toBe(false);
  });
});
