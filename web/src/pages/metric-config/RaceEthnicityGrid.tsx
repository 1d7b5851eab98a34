import { useState } from 'react';
import type { DisaggregationJson } from '@jc/server/contract';
import { Button } from '../../components/index.ts';
import type { MetricPanelProps } from './metric-panel.ts';
import { ETHNICITIES, RACES } from './race-ethnicity.ts';
import { RaceEthnicityForm } from './RaceEthnicityForm.tsx';

interface RaceEthnicityGridProps {
  panel: MetricPanelProps;
  disaggregation: DisaggregationJson;
  disabled: boolean;
}

/** The 8 × 3 grid of race/ethnicity cells (filled = reported), set through the two-question form. */
export function RaceEthnicityGrid({ panel, disaggregation, disabled }: RaceEthnicityGridProps) {
  const [open, setOpen] = useState(false);
  const isOn = (race: string, ethnicity: string) =>
    disaggregation.dimensions.some((d) => d.race === race && d.ethnicity === ethnicity && d.enabled === true);
  return (
    <div className="mc-race">
      <div className="mc-race__callout">
        <p>Answer the questions on the Race and Ethnicity form; the grid below will reflect your responses.</p>
        <Button size="sm" variant="primary" disabled={disabled} onClick={() => setOpen(true)}>
          Race and Ethnicity Form →
        </Button>
      </div>
      <table className="mc-race__grid">
        <caption className="visually-hidden">Race and ethnicity categories your agency reports</caption>
        <thead>
          <tr>
            <th scope="col">Race</th>
            {ETHNICITIES.map((ethnicity) => (
              <th key={ethnicity} scope="col">
                {ethnicity}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {RACES.map((race) => (
            <tr key={race}>
              <th scope="row">{race}</th>
              {ETHNICITIES.map((ethnicity) => (
                <td key={ethnicity}>
                  <span className={isOn(race, ethnicity) ? 'mc-race__cell mc-race__cell--on' : 'mc-race__cell'}>
                    {isOn(race, ethnicity) ? 'Reported' : 'Not reported'}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {open && <RaceEthnicityForm panel={panel} disaggregation={disaggregation} onClose={() => setOpen(false)} />}
    </div>
  );
}
