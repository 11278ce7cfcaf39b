import type { ReactNode } from 'react';

export interface ChoiceOptionView {
  readonly value: string | number;
  readonly label: ReactNode;
  /** Extra class for option-specific layout (IOS pictures). */
  readonly className?: string;
}

interface ChoiceListProps {
  readonly name: string;
  readonly options: readonly ChoiceOptionView[];
  readonly selected: string | number | null;
  readonly onSelect: (value: string | number) => void;
  readonly invalid: boolean;
}

/**
 * Radio buttons in one vertical column, each label a full-width tap target: never a horizontal
 * matrix, which scrolls sideways on phones and invites answers from the visible (left) end.
 */
export function ChoiceList({ name, options, selected, onSelect, invalid }: ChoiceListProps) {
  return (
    <ul className="choice-list" role="list">
      {options.map((option, index) => {
        const id = `${name}-${index}`;
        return (
          <li key={String(option.value)} className={option.className}>
            <input
              type="radio"
              id={id}
              name={name}
              className="choice-input"
              value={String(option.value)}
              checked={selected === option.value}
              onChange={() => onSelect(option.value)}
              aria-invalid={invalid || undefined}
            />
            <label htmlFor={id} className="choice-label">
              {option.label}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
