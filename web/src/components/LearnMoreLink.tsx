import { helpGuidePath, type HelpGuide } from '../app/paths.ts';

/** "Learn more": the Help Center's guide for this screen, in a new tab so the work stays open. */
export function LearnMoreLink({ guide, what }: { guide: HelpGuide; what: string }) {
  return (
    <a
      href={helpGuidePath(guide)}
      target="_blank"
      rel="noreferrer"
      aria-label={`Learn more about ${what} (opens in a new tab)`}
    >
      Learn more
    </a>
  );
}
