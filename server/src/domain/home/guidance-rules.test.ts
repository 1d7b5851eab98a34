import { describe, expect, it } from 'vitest';
import { defaultProgress, readProgress, withTopic } from './guidance-rules.ts';

describe('guidance progress', () => {
  it('starts with the five topics, none done', () => {
    expect(defaultProgress().map((t) => [t.topicID, t.topicCompleted])).toEqual([
      ['WELCOME', false],
      ['AGENCY_SETUP', false],
      ['METRIC_CONFIG', false],
      ['ADD_DATA', false],
      ['PUBLISH_DATA', false],
    ]);
  });

  it('reads a stored list as it is, and nothing from an empty or broken one', () => {
    const stored = [{ topicID: 'ADD_DATA', topicCompleted: true, extra: 1 }, { topicID: 'WELCOME' }];
    expect(readProgress(stored)).toEqual([{ topicID: 'ADD_DATA', topicCompleted: true }]);
    expect(readProgress([])).toBeNull();
    expect(readProgress(null)).toBeNull();
    expect(readProgress({ WELCOME: true })).toBeNull();
  });

  it('changes only the named topic, and nothing for an unknown one', () => {
    const progress = defaultProgress();
    const done = withTopic(progress, { topicID: 'WELCOME', topicCompleted: true });
    expect(done.filter((t) => t.topicCompleted).map((t) => t.topicID)).toEqual(['WELCOME']);
    expect(withTopic(progress, { topicID: 'TOUR', topicCompleted: true })).toEqual(progress);
  });
});
