/**
 * Onboarding guidance progress (02-http-api §2.3): a list of topics, each done or not, kept per
 * member and agency. The reference's web app no longer showed it; ours drives Home's first-run
 * checklist with it (web/src/pages/home/GettingStarted.tsx).
 */

export interface GuidanceTopic {
  topicID: string;
  topicCompleted: boolean;
}

export const GUIDANCE_TOPICS = ['WELCOME', 'AGENCY_SETUP', 'METRIC_CONFIG', 'ADD_DATA', 'PUBLISH_DATA'] as const;

export function defaultProgress(): GuidanceTopic[] {
  return GUIDANCE_TOPICS.map((topicID) => ({ topicID, topicCompleted: false }));
}

/** The stored list, in its order; null when nothing usable is stored (never set, or not a list). */
export function readProgress(stored: unknown): GuidanceTopic[] | null {
  if (!Array.isArray(stored)) return null;
  const topics = stored.filter(
    (t): t is GuidanceTopic =>
      typeof t === 'object' && t !== null && typeof t.topicID === 'string' && typeof t.topicCompleted === 'boolean',
  );
  return topics.length > 0 ? topics.map(({ topicID, topicCompleted }) => ({ topicID, topicCompleted })) : null;
}

/** Marks one topic done or not; a topic the list does not have changes nothing. */
export function withTopic(progress: readonly GuidanceTopic[], update: GuidanceTopic): GuidanceTopic[] {
  return progress.map((topic) => (topic.topicID === update.topicID ? { ...update } : topic));
}
