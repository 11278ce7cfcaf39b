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

function toggled(item: MultiChoiceItem, current: readonly string[], option: string, checked: boolean): string[] {
  const next = checked ? [...current, option] : current.filter((entry) => entry !== option);
  // Keep the declared option order, so the stored answer does not depend on tapping order.
  return item.options.map((candidate) => candidate.value).filter((candidate) => next.includes(candidate));
}

/**
 * Checkboxes. An empty selection is a real answer ("none") when the item allows it, so it gets its
 * own box: otherwise "untouched" and "none of these" would look the same.
 */
export function MultiChoiceView({ instrumentId, item, language, value, error, onAnswer, context }: ItemViewProps<MultiChoiceItem>) {
  const selected = Array.isArray(value) ? value : null;
  const allowsNone = (item.minSelected ?? 0) === 0;
  const toggle = (option: string, checked: boolean) => onAnswer(toggled(item, selected ?? [], option, checked));
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
            <Choice
              key={option.value}
              id={`${ids.base}-${option.value}`}
              label={localize(option.label, language)}
              checked={selected?.includes(option.value) ?? false}
              invalid={error !== null}
              onChange={(checked) => toggle(option.value, checked)}
            />
          ))}
          {allowsNone ? (
            <Choice
              id={`${ids.base}-${NONE}`}
              label="None of these"
              checked={selected !== null && selected.length === 0}
              onChange={(checked) => onAnswer(checked ? [] : null)}
            />
          ) : null}
        </ul>
      )}
    </ItemShell>
  );
}

interface ChoiceProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  /** Only the real options are marked invalid; "none" never is. */
  readonly invalid?: boolean;
  readonly onChange: (checked: boolean) => void;
}

function Choice({ id, label, checked, invalid = false, onChange }: ChoiceProps) {
  return (
    <li>
      <input
        type="checkbox"
        id={id}
        className="choice-input"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        aria-invalid={invalid || undefined}
      />
      <label htmlFor={id} className="choice-label">
        <span className="choice-text">{label}</span>
      </label>
    </li>
  );
}
