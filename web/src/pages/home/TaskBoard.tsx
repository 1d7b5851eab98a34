/** Sector tabs (for agencies with several sectors) over the grid of task cards. */
import { useState } from 'react';
import type { HomeResponse } from '@jc/server/contract';
import { useSession } from '../../api/session.ts';
import { TaskCardView } from './TaskCardView.tsx';
import { ALL_SECTORS, sectorTabs, taskCards } from './task-rules.ts';

export function TaskBoard({ home }: { home: HomeResponse }) {
  const { today } = useSession();
  const tabs = sectorTabs(home.agency_metrics);
  const [chosen, setChosen] = useState(ALL_SECTORS);
  const sector = tabs.some((tab) => tab.key === chosen) ? chosen : ALL_SECTORS;
  const cards = taskCards(home, today, sector);
  // In the All view of a many-sector agency, a card names its sector.
  const showSector = tabs.length > 0 && sector === ALL_SECTORS;

  return (
    <section className="home-tasks" aria-labelledby="home-tasks-title">
      <h2 id="home-tasks-title" className="visually-hidden">
        Open tasks
      </h2>
      {tabs.length > 0 && (
        <div className="home-sectors" role="group" aria-label="Sector">
          {tabs.map((tab) => (
            <button
              key={tab.key}
              type="button"
              className="home-sectors__tab"
              aria-pressed={tab.key === sector}
              onClick={() => setChosen(tab.key)}
            >
              {tab.label}
            </button>
          ))}
        </div>
      )}
      {cards.length === 0 ? (
        <div className="task-card task-card--done">
          <svg className="task-card__done-icon" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="12" cy="12" r="11" fill="currentColor" />
            <path d="M7 12.5l3.2 3L17 9" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
          </svg>
          <div>
            <h3 className="task-card__title">All tasks complete</h3>
            <p className="task-card__body">Your data is up-to-date and published.</p>
          </div>
        </div>
      ) : (
        <ul className="home-tasks__grid">
          {cards.map((card) => (
            <li key={card.id}>
              <TaskCardView card={card} metrics={home.agency_metrics} showSector={showSector} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
