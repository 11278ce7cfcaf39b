import { localize, type MultiChoiceItem } from '@attune/survey';
import { ItemShell, type ItemViewProps } from './item-shell';

const NONE = '__none__';

function selectionHint(item: MultiChoiceItem): string {
  const min = item.minSelected ?? 0;
  const max = item.maxSelected ?? item.options.length;
  if (min === 0 && max >= item.options.length) return 'Tick all that apply.';
  if (min === 0) return `Tick up to ${max}.`;
  if (max >= item.options.length) return `Tick at least ${min}.`;
  return min === max ? `Tick exactly ${min}.` : `Tick between ${min} and ${max}.`;
}

/**
 * Checkboxes. An empty selection is a real answer ("none") when the item allows it, so it gets its
 * own box: otherwise "untouched" and "none of these" would look the same.
 */
export function MultiChoiceView({ instrumentId, item, language, value, error, onAnswer, context }: ItemViewProps<MultiChoiceItem>) {
  const selected = Array.isArray(value) ? value : null;
  const allowsNone = (item.minSelected ?? 0) === 0;
  const toggle = (option: string, checked: boolean) => {
    const current = selected ?? [];
    const next = checked ? [...current, option] : current.filter((entry) => entry !== option);
    // Keep the declared option order, so the stored answer does not depend on tapping order.
    onAnswer(item.options.map((candidate) => candidate.value).filter((candidate) => next.includes(candidate)));
  };
  return (
    <ItemShell
      instrumentId={instrumentId}
      itemId={item.id}
      kind={item.kind}
      question={localize(item.text, language)}
      context={context}
      hint={selectionHint(item)}
      error={error}
    >
      {(ids) => (
        <ul className="choice-list" role="list">
          {item.options.map((option) => (
            <li key={option.value}>
              <input
                type="checkbox"
                id={`${ids.base}-${option.value}`}
                className="choice-input"
                checked={selected?.includes(option.value) ?? false}
                onChange={(event) => toggle(option.value, event.currentTarget.checked)}
                aria-invalid={error !== null || undefined}
              />
              <label htmlFor={`${ids.base}-${option.value}`} className="choice-label">
                <span className="choice-text">{localize(option.label, language)}</span>
              </label>
            </li>
          ))}
          {allowsNone ? (
            <li>
              <input
                type="checkbox"
                id={`${ids.base}-${NONE}`}
                className="choice-input"
                checked={selected !== null && selected.length === 0}
                onChange={(event) => onAnswer(event.currentTarget.checked ? [] : null)}
              />
              <label htmlFor={`${ids.base}-${NONE}`} className="choice-label">
                <span className="choice-text">None of these</span>
              </label>
            </li>
          ) : null}
        </ul>
      )}
    </ItemShell>
  );
}
