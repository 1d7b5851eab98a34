/** Checks for the Account tab's agency settings, shared with the server's own rules where they exist. */
import { SUPERVISION_SUBSYSTEMS } from '@jc/catalogue';
import { agencySettingInput } from '@jc/server/contract';

export const REMINDER_DAYS_PROBLEM = 'Please enter a number between 1-1000';

/** Reminder offsets people may choose: whole days from 1 to 1000 after a period ends. */
export function reminderDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days >= 1 && days <= 1000 ? days : undefined;
}

/** The server's own words for a homepage it would refuse; undefined when it is fine (or empty). */
export function homepageProblem(url: string): string | undefined {
  const checked = agencySettingInput.safeParse({ setting_type: 'HOMEPAGE_URL', value: url });
  return checked.success ? undefined : `Invalid URL: it ${checked.error.issues[0]?.message ?? 'is not a web address'}`;
}

/** The agency's systems with the supervision populations set as chosen; other systems stay as they are. */
export function withPopulations(systems: readonly string[], populations: ReadonlySet<string>): string[] {
  const others = systems.filter((system) => !(SUPERVISION_SUBSYSTEMS as readonly string[]).includes(system));
  return [...others, ...SUPERVISION_SUBSYSTEMS.filter((system) => populations.has(system))];
}
