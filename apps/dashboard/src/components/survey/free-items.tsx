import { localize, type NumericItem, type SliderItem, type TextItem } from '@attune/survey';
import { useState } from 'react';
import { ItemShell, type ItemViewProps } from './item-shell';
import { SliderInput } from './slider-input';

/** A visual analogue scale 0–100 with its end labels; see SliderInput for "not answered yet". */
export function SliderView({ instrumentId, item, language, value, error, onAnswer, context }: ItemViewProps<SliderItem>) {
  const min = localize(item.endLabels.min, language);
  const max = localize(item.endLabels.max, language);
  const current = typeof value === 'number' ? value : null;
  return (
    <ItemShell
      instrumentId={instrumentId}
      itemId={item.id}
      kind={item.kind}
      question={localize(item.text, language)}
      context={context}
      hint={`0 means “${min}”, 100 means “${max}”.`}
      error={error}
    >
      {(ids) => (
        <div className="slider-field">
          <div className="slider-ends" aria-hidden="true">
            <span>{min}</span>
            <span>{max}</span>
          </div>
          <SliderInput
            id={`${ids.base}-input`}
            labelledBy={ids.legend}
            describedBy={ids.describedBy}
            value={current}
            onAnswer={onAnswer}
            invalid={error !== null}
          />
          <p className="slider-value" aria-hidden="true" lang="en">
            {current === null ? 'Not answered yet: tap or drag the slider' : `Your answer: ${current}`}
          </p>
        </div>
      )}
    </ItemShell>
  );
}

/** Accepts a decimal comma too ("3,5"): many phone keyboards offer only that. */
export function parseNumber(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalised = trimmed.replace(',', '.');
  const parsed = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised) ? Number(normalised) : Number.NaN;
  // Unparsable text goes on as text, so libs/survey reports WRONG_TYPE next to the item.
  return Number.isFinite(parsed) ? parsed : trimmed;
}

export function NumericView({ instrumentId, item, language, value, error, onAnswer, context }: ItemViewProps<NumericItem>) {
  const [draft, setDraft] = useState(() => (typeof value === 'number' ? String(value) : ''));
  const unit = item.unit ? localize(item.unit, language) : null;
  const hint = `A ${item.integer ? 'whole number' : 'number'} from ${item.min} to ${item.max}${unit ? ` (${unit})` : ''}.`;
  return (
    <ItemShell
      instrumentId={instrumentId}
      itemId={item.id}
      kind={item.kind}
      question={localize(item.text, language)}
      context={context}
      hint={hint}
      error={error}
    >
      {(ids) => (
        <NumericField
          id={`${ids.base}-input`}
          labelledBy={ids.legend}
          describedBy={ids.describedBy}
          item={item}
          unit={unit}
          draft={draft}
          invalid={error !== null}
          onChange={(text) => {
            setDraft(text);
            onAnswer(parseNumber(text));
          }}
        />
      )}
    </ItemShell>
  );
}

interface NumericFieldProps {
  readonly id: string;
  readonly labelledBy: string;
  readonly describedBy: string | undefined;
  readonly item: NumericItem;
  readonly unit: string | null;
  readonly draft: string;
  readonly invalid: boolean;
  readonly onChange: (text: string) => void;
}

function NumericField({ id, labelledBy, describedBy, item, unit, draft, invalid, onChange }: NumericFieldProps) {
  return (
    <div className="numeric-field">
      <input
        id={id}
        type="text"
        className="numeric-input"
        inputMode={item.integer && item.min >= 0 ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={draft}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {unit ? (
        <span className="numeric-unit" aria-hidden="true">
          {unit}
        </span>
      ) : null}
    </div>
  );
}

/** Code points, as libs/survey and PostgreSQL's char_length count them (an emoji is one). */
export function codePointLength(text: string): number {
  return [...text].length;
}

export function TextView({ instrumentId, item, language, value, error, onAnswer, context }: ItemViewProps<TextItem>) {
  const text = typeof value === 'string' ? value : '';
  const hint = `${codePointLength(text)} of ${item.maxLength} characters${item.required === false ? ' (optional)' : ''}`;
  return (
    <ItemShell
      instrumentId={instrumentId}
      itemId={item.id}
      kind={item.kind}
      question={localize(item.text, language)}
      context={context}
      hint={hint}
      error={error}
    >
      {(ids) => {
        const common = {
          id: `${ids.base}-input`,
          className: 'text-input',
          value: text,
          'aria-labelledby': ids.legend,
          'aria-describedby': ids.describedBy,
          'aria-invalid': error !== null || undefined,
        };
        return item.multiline ? (
          <textarea
            {...common}
            rows={5}
            onChange={(event) => onAnswer(event.currentTarget.value === '' ? null : event.currentTarget.value)}
          />
        ) : (
          <input
            {...common}
            type="text"
            autoComplete="off"
            onChange={(event) => onAnswer(event.currentTarget.value === '' ? null : event.currentTarget.value)}
          />
        );
      }}
    </ItemShell>
  );
}
