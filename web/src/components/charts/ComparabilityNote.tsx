/**
 * Under a chart: what the agency counts differently from the Justice Counts definition, and each
 * change of definition, frequency or year start, from when it applies.
 */
import type { ComparabilityJson } from '@jc/server/contract';
import { breakWords } from './break-rules.ts';

export function ComparabilityNote({ comparability }: { comparability: ComparabilityJson }) {
  const { matches_default: matches, differences, series_breaks: breaks } = comparability;
  if (matches && breaks.length === 0) return null;
  return (
    <section className="chart-comparability" aria-label="How these figures are counted">
      {!matches && (
        <>
          <p className="chart-comparability__title">
            Counted differently from the Justice Counts definition, so not directly comparable with other agencies:
          </p>
          <ul>
            {differences.map((d) => (
              <li key={`${d.disaggregation ?? ''} ${d.dimension ?? ''} ${d.key}`}>{d.description}</li>
            ))}
          </ul>
        </>
      )}
      {breaks.map((b) => {
        const { heading, detail } = breakWords(b);
        return (
          <p key={b.changed_at} className="chart-comparability__break">
            <strong>{heading}:</strong> {detail}
          </p>
        );
      })}
    </section>
  );
}
