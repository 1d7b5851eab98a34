/**
 * The first-run checklist on Home: the guidance topics the server keeps for each member, in
 * words, each with the page that does it and the guide that explains it.
 */
import type { GuidanceTopic } from '../../api/guidance.ts';
import type { HelpGuide } from '../../app/paths.ts';

export interface ChecklistStep {
  topicID: string;
  label: string;
  /** The agency page that does it and its name, or null when the guide is the step. */
  page: { section: string; name: string } | null;
  guide: HelpGuide;
  done: boolean;
}

const STEPS: Record<string, Omit<ChecklistStep, 'topicID' | 'done'>> = {
  WELCOME: { label: 'Read the getting-started guide', page: null, guide: 'getting-started' },
  AGENCY_SETUP: {
    label: 'Check your agency’s settings and invite your team',
    page: { section: 'settings', name: 'Settings' },
    guide: 'settings',
  },
  METRIC_CONFIG: {
    label: 'Choose the metrics you report',
    page: { section: 'metric-config', name: 'Set Up Metrics' },
    guide: 'set-up-metrics',
  },
  ADD_DATA: {
    label: 'Add figures by hand or from a spreadsheet',
    page: { section: 'records', name: 'Enter Data' },
    guide: 'bulk-upload',
  },
  PUBLISH_DATA: {
    label: 'Review and publish a record',
    page: { section: 'records', name: 'Records' },
    guide: 'data-entry',
  },
};

/** The steps the checklist shows, in the stored order; topics it has no words for are left out. */
export function checklistSteps(progress: readonly GuidanceTopic[]): ChecklistStep[] {
  return progress.flatMap((topic) => {
    const step = STEPS[topic.topicID];
    return step ? [{ ...step, topicID: topic.topicID, done: topic.topicCompleted }] : [];
  });
}

/** Shown until every step is done. */
export const checklistOpen = (steps: readonly ChecklistStep[]) => steps.some((step) => !step.done);
