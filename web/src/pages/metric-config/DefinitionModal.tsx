import { useState } from 'react';
import type {
  DimensionJson,
  DisaggregationJson,
  IncludesExcludesGroupJson,
  MetricSettingUpdate,
} from '@jc/server/contract';
import { Button, Checkbox, Modal } from '../../components/index.ts';
import { isOtherDimension } from './breakdown-rules.ts';
import type { MetricPanelProps } from './metric-panel.ts';

/** What the modal defines: the metric itself (its total), or one breakdown member. */
export interface DefinitionTarget {
  disaggregation?: DisaggregationJson;
  dimension?: DimensionJson;
}

type Answer = 'Yes' | 'No';

const differsHint = (standard: Answer) =>
  `Differs from the Justice Counts definition, which ${standard === 'Yes' ? 'includes' : 'excludes'} this.`;

function answersOf(groups: readonly IncludesExcludesGroupJson[], useDefaults: boolean): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const setting of groups.flatMap((g) => g.settings)) {
    answers[setting.key] = useDefaults ? setting.default : (setting.included ?? setting.default);
  }
  return answers;
}

interface DefinitionModalProps {
  panel: MetricPanelProps;
  target: DefinitionTarget;
  onClose: () => void;
}

export function DefinitionModal({ panel, target, onClose }: DefinitionModalProps) {
  const { metric, canEdit, save } = panel;
  const { disaggregation, dimension } = target;
  const groups = dimension ? dimension.includes_excludes : metric.includes_excludes;
  const context = dimension ? dimension.contexts[0] : metric.contexts[0];
  const contextLabel = context && ('label' in context ? context.label : context.display_name);
  const configured =
    (dimension ? dimension.is_dimension_includes_excludes_configured : metric.is_includes_excludes_configured) ===
    'YES';
  const [answers, setAnswers] = useState(() => answersOf(groups, false));
  const [text, setText] = useState(context?.value ?? '');
  const configurable = groups.length > 0 || context !== undefined;

  const choose = (group: IncludesExcludesGroupJson, key: string, checked: boolean) => {
    const next = { ...answers, [key]: checked ? 'Yes' : 'No' } as Record<string, Answer>;
    // A single-choice group behaves like radio buttons: choosing one clears the others.
    if (!group.multiselect && checked) for (const s of group.settings) if (s.key !== key) next[s.key] = 'No';
    setAnswers(next);
  };

  const submit = (toggleConfigured: boolean) => {
    const settings = Object.entries(answers).map(([key, included]) => ({ key, included }));
    const contexts = context ? [{ key: context.key, value: text }] : [];
    const status = toggleConfigured ? (configured ? 'NO' : 'YES') : undefined;
    const update: MetricSettingUpdate =
      dimension && disaggregation
        ? {
            key: metric.key,
            disaggregations: [
              {
                key: disaggregation.key,
                dimensions: [
                  {
                    key: dimension.key,
                    settings,
                    contexts,
                    is_dimension_includes_excludes_configured: status,
                    // An "Other" member is reported exactly when the agency says what it holds.
                    enabled: isOtherDimension(dimension) ? text.trim() !== '' : undefined,
                  },
                ],
              },
            ],
          }
        : { key: metric.key, settings, contexts, is_includes_excludes_configured: status };
    save(update);
    onClose();
  };

  const title = dimension ? dimension.label : `${metric.display_name} (Total)`;
  const footer = canEdit && configurable && (
    <>
      <Button onClick={() => submit(true)}>
        {configured ? 'Undo Complete Configuration & Save' : 'Complete Configuration & Save'}
      </Button>
      <Button variant="primary" onClick={() => submit(false)}>
        Save
      </Button>
    </>
  );

  return (
    <Modal open title={title} onClose={onClose} size="lg" footer={footer || undefined}>
      {!configurable && <p>There are no definitions to configure for this {dimension ? 'breakdown' : 'metric'}.</p>}
      {configurable && (
        <fieldset className="mc-definition" disabled={!canEdit}>
          <p>
            Indicate which of the following categories your agency considers to be part of this{' '}
            {dimension ? 'breakdown' : 'metric'}. Or, choose the{' '}
            <button type="button" className="mc-link-button" onClick={() => setAnswers(answersOf(groups, true))}>
              Justice Counts definition
            </button>
            .
          </p>
          {!dimension && <p className="mc-hint">{metric.description}</p>}
          {groups.map((group, i) => (
            <div
              key={i}
              className="mc-definition__group"
              role="group"
              aria-label={group.description ?? `Definition ${i + 1}`}
            >
              {group.description && <h3 className="mc-definition__heading">{group.description}</h3>}
              {group.settings.map((setting) => (
                <Checkbox
                  key={setting.key}
                  label={setting.label}
                  hint={answers[setting.key] === setting.default ? undefined : differsHint(setting.default)}
                  checked={answers[setting.key] === 'Yes'}
                  onChange={(e) => choose(group, setting.key, e.target.checked)}
                />
              ))}
            </div>
          ))}
          {context && (
            <label className="mc-textarea">
              <span className="field__label">{contextLabel}</span>
              <textarea
                className="input"
                rows={4}
                maxLength={5000}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </label>
          )}
        </fieldset>
      )}
    </Modal>
  );
}
