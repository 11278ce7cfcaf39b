import type { KeyboardEvent } from 'react';

const ANSWER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
const START = 50;

interface SliderInputProps {
  readonly id: string;
  readonly labelledBy: string;
  readonly describedBy: string | undefined;
  readonly value: number | null;
  readonly onAnswer: (value: number) => void;
  readonly invalid: boolean;
}

/**
 * A native range input (keyboard and screen readers work out of the box) that does not
 * pre-answer: until touched it is "not answered yet", the thumb is hollow, and a tap or key press
 * on the starting point still counts as an answer even though the value did not change.
 */
export function SliderInput({ id, labelledBy, describedBy, value, onAnswer, invalid }: SliderInputProps) {
  const unset = value === null;
  const current = value ?? START;
  const commitIfUnset = () => {
    if (unset) onAnswer(current);
  };
  const onKeyUp = (event: KeyboardEvent<HTMLInputElement>) => {
    if (ANSWER_KEYS.has(event.key)) commitIfUnset();
  };
  return (
    <input
      type="range"
      id={id}
      className="slider"
      min={0}
      max={100}
      step={1}
      value={current}
      data-unset={unset || undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-valuetext={unset ? 'Not answered yet' : `${current} out of 100`}
      onChange={(event) => onAnswer(Number(event.currentTarget.value))}
      onPointerUp={commitIfUnset}
      onKeyUp={onKeyUp}
    />
  );
}
