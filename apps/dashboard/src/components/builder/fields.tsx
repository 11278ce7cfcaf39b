'use client';

import type { ReactNode } from 'react';
import { fieldId } from '@/lib/builder/paths';
import type { Localized } from '@/lib/builder/types';
import { setText } from '@/lib/builder/draft';
import { useEditor } from './editor-context';

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  nl: 'Dutch',
  it: 'Italian',
  pt: 'Portuguese',
};

export function languageName(code: string): string {
  const name = LANGUAGE_NAMES[code.slice(0, 2)];
  return name ? `${name} (${code})` : code;
}

/** The problems the API reported for this path, tied to the field with aria-describedby. */
export function FieldProblems({ path }: { readonly path: string }) {
  const problems = useEditor().problemsAt(path);
  if (problems.length === 0) return null;
  return (
    <ul id={`${fieldId(path)}-problems`} className="field-error builder-problems">
      {problems.map((problem, i) => (
        <li key={`${problem.code}-${i}`}>{problem.message}</li>
      ))}
    </ul>
  );
}

/** aria attributes of an input at `path`: invalid when it has problems, described by them and its hint. */
export function useFieldAria(path: string, hint?: ReactNode): { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const problems = useEditor().problemsAt(path);
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : null, problems.length ? `${id}-problems` : null].filter(Boolean).join(' ');
  return { id, ...(problems.length ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}

interface TextFieldProps {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: ReactNode;
  readonly multiline?: boolean;
  readonly readOnly?: boolean;
  readonly lang?: string;
  readonly mono?: boolean;
}

export function TextField({ path, label, value, onChange, hint, multiline, readOnly, lang, mono }: TextFieldProps) {
  const aria = useFieldAria(path, hint);
  const common = {
    ...aria,
    value,
    readOnly,
    lang,
    className: mono ? 'mono' : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={aria.id}>{label}</label>
      {hint ? (
        <p id={`${aria.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      <FieldProblems path={path} />
    </div>
  );
}

interface NumberFieldProps {
  readonly path: string;
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly min: number;
  readonly max: number;
  readonly hint?: ReactNode;
  readonly readOnly?: boolean;
}

export function NumberField({ path, label, value, onChange, min, max, hint, readOnly }: NumberFieldProps) {
  const aria = useFieldAria(path, hint);
  return (
    <div className="field">
      <label htmlFor={aria.id}>{label}</label>
      {hint ? (
        <p id={`${aria.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        type="number"
        inputMode="numeric"
        className="builder-number"
        min={min}
        max={max}
        step={1}
        value={Number.isFinite(value) ? value : ''}
        readOnly={readOnly}
        {...aria}
        onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
      />
      <FieldProblems path={path} />
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  readonly path: string;
  readonly label: string;
  readonly value: T;
  readonly options: ReadonlyArray<readonly [T, string]>;
  readonly onChange: (value: T) => void;
  readonly hint?: ReactNode;
  readonly disabled?: boolean;
}

export function SelectField<T extends string>({ path, label, value, options, onChange, hint, disabled }: SelectFieldProps<T>) {
  const aria = useFieldAria(path, hint);
  return (
    <div className="field">
      <label htmlFor={aria.id}>{label}</label>
      {hint ? (
        <p id={`${aria.id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <select {...aria} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as T)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
      <FieldProblems path={path} />
    </div>
  );
}

interface LocalizedFieldProps {
  readonly path: string;
  readonly label: string;
  readonly text: Localized | undefined;
  /** undefined: blank in every language (see setText). */
  readonly onChange: (text: Localized | undefined) => void;
  readonly hint?: ReactNode;
}

/** One participant text in every study language, side by side; each language is its own field. */
export function LocalizedField({ path, label, text, onChange, hint }: LocalizedFieldProps) {
  const { design, problemsAt } = useEditor();
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : null, problemsAt(path).length ? `${id}-problems` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="builder-localized" id={id} aria-describedby={describedBy || undefined}>
      <legend>{label}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems path={path} />
      <div className="builder-languages">
        {design.languages.map((language) => (
          <LanguageText
            key={language}
            path={`${path}.${language}`}
            language={language}
            value={text?.[language] ?? ''}
            onChange={(value) => onChange(setText(text, language, value))}
          />
        ))}
      </div>
    </fieldset>
  );
}

function LanguageText({
  path,
  language,
  value,
  onChange,
}: {
  readonly path: string;
  readonly language: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const aria = useFieldAria(path);
  return (
    <div className="field">
      <label htmlFor={aria.id}>{languageName(language)}</label>
      <textarea rows={3} lang={language} {...aria} value={value} onChange={(event) => onChange(event.target.value)} />
      <FieldProblems path={path} />
    </div>
  );
}

/** A fieldset for a part of the design whose problems (e.g. `design.factors`) concern it as a whole. */
export function Part({
  path,
  legend,
  children,
  className,
}: {
  readonly path: string;
  readonly legend: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
}) {
  const id = fieldId(path);
  const problems = useEditor().problemsAt(path);
  return (
    <fieldset id={id} className={className ?? 'builder-part'} aria-describedby={problems.length ? `${id}-problems` : undefined}>
      <legend>{legend}</legend>
      <FieldProblems path={path} />
      {children}
    </fieldset>
  );
}
