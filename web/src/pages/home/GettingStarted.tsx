/**
 * The first-run checklist: the member ticks each step (kept on the server, per agency) and it
 * goes away once all are done. Members through a superagency keep no progress in a child agency,
 * so they do not see it there.
 */
import { Link } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import { useGuidance, useUpdateGuidance } from '../../api/guidance.ts';
import { useUser } from '../../api/session.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath, helpGuidePath } from '../../app/paths.ts';
import { Checkbox, useToast } from '../../components/index.ts';
import { checklistOpen, checklistSteps, type ChecklistStep } from './checklist-rules.ts';

function StepRow({ step, onToggle }: { step: ChecklistStep; onToggle: () => void }) {
  return (
    <li className={step.done ? 'checklist__step checklist__step--done' : 'checklist__step'}>
      <Checkbox label={step.label} checked={step.done} onChange={onToggle} />
      <span className="checklist__links">
        {step.page !== null && <StepPageLink {...step.page} />}
        {step.page !== null && (
          <Link to={helpGuidePath(step.guide)} aria-label={`Guide: ${step.label}`}>
            Guide
          </Link>
        )}
        {step.page === null && <Link to={helpGuidePath(step.guide)}>Open the guide</Link>}
      </span>
    </li>
  );
}

function StepPageLink({ section, name }: { section: string; name: string }) {
  const agency = useCurrentAgency();
  return <Link to={agencyPath(agency.id, section)}>Open {name}</Link>;
}

export function GettingStarted() {
  const user = useUser();
  const agency = useCurrentAgency();
  const ownMember = user.agencies.some((a) => a.id === agency.id);
  const guidance = useGuidance(agency.id, ownMember);
  const update = useUpdateGuidance(agency.id);
  const toast = useToast();
  if (!guidance.data) return null;
  const steps = checklistSteps(guidance.data);
  if (!checklistOpen(steps)) return null;
  const done = steps.filter((step) => step.done).length;
  const toggle = (step: ChecklistStep) =>
    update.mutate(
      { topicID: step.topicID, topicCompleted: !step.done },
      { onError: (error) => toast.error(messageFor(error)) },
    );
  return (
    <section className="checklist card" aria-labelledby="checklist-title">
      <h2 id="checklist-title" className="checklist__title">
        Getting started
      </h2>
      <p className="checklist__count">
        {done} of {steps.length} steps done. Tick each step when you have done it.
      </p>
      <ul className="checklist__steps">
        {steps.map((step) => (
          <StepRow key={step.topicID} step={step} onToggle={() => toggle(step)} />
        ))}
      </ul>
    </section>
  );
}
