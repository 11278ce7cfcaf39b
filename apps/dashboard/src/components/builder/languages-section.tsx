'use client';

import { useState } from 'react';
import { addLanguage, removeLanguage } from '@/lib/builder/draft';
import { fieldHref } from '@/lib/builder/paths';
import { missingTranslations } from '@/lib/builder/translations';
import { useEditor } from './editor-context';
import { FieldProblems, languageName, useFieldAria } from './fields';

const CODE = /^[a-z]{2}(-[A-Z]{2})?$/;

/** The study's languages, and every participant text still missing one of them. */
export function LanguagesSection() {
  const { design } = useEditor();
  return (
    <section className="card builder-section" aria-labelledby="languages-heading">
      <h2 id="languages-heading">Languages</h2>
      <LanguageList />
      <AddLanguage />
      <h3 id="missing-heading">Missing translations</h3>
      <MissingTranslations missing={missingTranslations(design)} />
    </section>
  );
}

function LanguageList() {
  const { design, update } = useEditor();
  return (
    <ul className="builder-tags">
      {design.languages.map((language) => (
        <li key={language}>
          {languageName(language)}
          {design.languages.length > 1 ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => update((d) => removeLanguage(d, language))}
            >
              Remove {languageName(language)}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function AddLanguage() {
  const { design, update } = useEditor();
  const [code, setCode] = useState('');
  const aria = useFieldAria('design.languages', 'hint');
  const valid = CODE.test(code.trim()) && !design.languages.includes(code.trim());
  const add = () => {
    if (valid) {
      update((d) => addLanguage(d, code));
      setCode('');
    }
  };
  return (
    <div className="field">
      <label htmlFor={aria.id}>Add a language (code)</label>
      <p id={`${aria.id}-hint`} className="field-hint">
        Two letters, optionally a region: de, fr, pt-BR. Every participant text then gets a column for it.
      </p>
      <div className="builder-actions">
        <input
          type="text"
          className="mono builder-short"
          {...aria}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button-small" disabled={!valid} onClick={add}>
          Add language
        </button>
      </div>
      <FieldProblems path="design.languages" />
    </div>
  );
}

function MissingTranslations({ missing }: { readonly missing: ReturnType<typeof missingTranslations> }) {
  if (missing.length === 0) return <p data-testid="missing-translations">Every participant text exists in every language.</p>;
  return (
    <ul data-testid="missing-translations" aria-labelledby="missing-heading">
      {missing.map((entry) => (
        <li key={`${entry.path}-${entry.language}`}>
          <a href={fieldHref(entry.path)}>{entry.label}</a>: no {languageName(entry.language)} text
        </li>
      ))}
    </ul>
  );
}
