/**
 * The Stepping Up questions (the STEPPING_UP setting, stored as the reference stores it:
 * `{identifies_behavioral_needs, screening_timing: {<need>: {<timing>: bool}}, tools: {<tool>: bool},
 * other_description}`). Tool codes and the Yes/No codes are ours.
 */
import type { AgencySettingsResponse } from '@jc/server/contract';

export const NEEDS = [
  { key: 'mental_health', label: 'Mental health needs' },
  { key: 'substance_use', label: 'Substance use needs' },
  { key: 'other_behavioral_health', label: 'Other behavioral health needs' },
] as const;

export const TIMINGS = [
  { key: 'no_screening', label: 'No screening' },
  { key: 'intake', label: 'At intake' },
  { key: 'different_point_in_time', label: 'At another point in time' },
  { key: 'ad-hoc', label: 'As needed (ad hoc)' },
] as const;

/** Widely used behavioral-health screening and assessment tools. */
export const TOOLS = [
  { key: 'BJMHS', label: 'Brief Jail Mental Health Screen (BJMHS)' },
  { key: 'CMHS', label: 'Correctional Mental Health Screen (CMHS)' },
  { key: 'MHSF_III', label: 'Mental Health Screening Form III (MHSF-III)' },
  { key: 'JSAT', label: 'Jail Screening Assessment Tool (JSAT)' },
  { key: 'K6', label: 'Kessler Psychological Distress Scale (K6)' },
  { key: 'PHQ_9', label: 'Patient Health Questionnaire (PHQ-9)' },
  { key: 'PCL_5', label: 'PTSD Checklist (PCL-5)' },
  { key: 'C_SSRS', label: 'Columbia Suicide Severity Rating Scale (C-SSRS)' },
  { key: 'TCUDS', label: 'Texas Christian University Drug Screen (TCUDS)' },
  { key: 'AUDIT', label: 'Alcohol Use Disorders Identification Test (AUDIT)' },
  { key: 'DAST_10', label: 'Drug Abuse Screening Test (DAST-10)' },
  { key: 'SSI_SA', label: 'Simple Screening Instrument for Substance Abuse (SSI-SA)' },
  { key: 'CAGE_AID', label: 'CAGE Adapted to Include Drugs (CAGE-AID)' },
  { key: 'UNCOPE', label: 'UNCOPE' },
  { key: 'GAIN_SS', label: 'GAIN Short Screener (GAIN-SS)' },
  { key: 'ASI', label: 'Addiction Severity Index (ASI)' },
  { key: 'LSI_R', label: 'Level of Service Inventory – Revised (LSI-R)' },
  { key: 'ORAS', label: 'Ohio Risk Assessment System (ORAS)' },
  { key: 'NOT_APPLICABLE', label: 'Not applicable' },
  { key: 'OTHER', label: 'Other' },
] as const;

export interface SteppingUpAnswers {
  identifies_behavioral_needs: 'YES' | 'NO' | null;
  screening_timing: Record<string, Record<string, boolean>>;
  tools: Record<string, boolean>;
  other_description: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const flags = (value: unknown): Record<string, boolean> =>
  Object.fromEntries(
    Object.entries(isObject(value) ? value : {}).filter(([, on]) => typeof on === 'boolean'),
  ) as Record<string, boolean>;

export function steppingUpAnswers(settings: AgencySettingsResponse): SteppingUpAnswers {
  const stored = settings.settings.find((s) => s.setting_type === 'STEPPING_UP')?.value;
  const value = isObject(stored) ? stored : {};
  const timing = isObject(value.screening_timing) ? value.screening_timing : {};
  return {
    identifies_behavioral_needs:
      value.identifies_behavioral_needs === 'YES' || value.identifies_behavioral_needs === 'NO'
        ? value.identifies_behavioral_needs
        : null,
    screening_timing: Object.fromEntries(NEEDS.map(({ key }) => [key, flags(timing[key])])),
    tools: flags(value.tools),
    other_description: typeof value.other_description === 'string' ? value.other_description : '',
  };
}

/** What is stored: no "other" text unless Other is ticked. */
export function storedSteppingUp(answers: SteppingUpAnswers): SteppingUpAnswers {
  return { ...answers, other_description: answers.tools.OTHER ? answers.other_description.trim() : '' };
}

/** One line per part for the block's summary. */
export function steppingUpSummary(answers: SteppingUpAnswers): { label: string; text: string }[] {
  const identifies =
    answers.identifies_behavioral_needs === null
      ? 'Not answered yet.'
      : answers.identifies_behavioral_needs === 'YES'
        ? 'Yes'
        : 'No';
  const timing = NEEDS.map(({ key, label }) => {
    const chosen = TIMINGS.filter((t) => answers.screening_timing[key]?.[t.key]).map((t) => t.label.toLowerCase());
    return `${label}: ${chosen.length > 0 ? chosen.join(', ') : 'not answered'}`;
  }).join('; ');
  const tools = TOOLS.filter((t) => answers.tools[t.key]).map((t) =>
    t.key === 'OTHER' && answers.other_description ? `Other: ${answers.other_description}` : t.label,
  );
  return [
    { label: 'Identifies behavioral health needs', text: identifies },
    { label: 'When people are screened', text: timing },
    { label: 'Tools used', text: tools.length > 0 ? tools.join(', ') : 'None chosen yet.' },
  ];
}
