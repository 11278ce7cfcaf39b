'use client';

import { type AnswerValue, getInstrument, localize } from '@attune/survey';
import { useEffect, useRef, useState } from 'react';
import { ItemCard } from '@/components/survey/item-card';
import { languageName } from './fields';

interface InstrumentPreviewProps {
  readonly refKey: string;
  readonly language: string;
  readonly languages: readonly string[];
  readonly onClose: () => void;
}

interface PreviewLanguageProps {
  readonly offered: readonly string[];
  /** The languages the instrument itself has; the others fall back. */
  readonly available: readonly string[];
  readonly shown: string;
  readonly onShow: (language: string) => void;
  readonly onClose: () => void;
}

function PreviewLanguage({ offered, available, shown, onShow, onClose }: PreviewLanguageProps) {
  return (
    <div className="builder-actions">
      <label htmlFor="preview-language">Language</label>
      <select id="preview-language" value={shown} onChange={(event) => onShow(event.target.value)}>
        {offered.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
            {available.includes(code) ? '' : ' (not available: falls back to English)'}
          </option>
        ))}
      </select>
      <button type="button" className="button button-secondary button-small" onClick={onClose}>
        Close preview
      </button>
    </div>
  );
}

/**
 * Every item of one instrument with the participant's own item components, in a phone-sized
 * frame. Answers stay in this component: a preview creates nothing and saves nothing.
 */
export function InstrumentPreview({ refKey, language, languages, onClose }: InstrumentPreviewProps) {
  const [id = '', version = '1'] = refKey.split('@');
  const instrument = getInstrument(id, Number(version));
  const [shown, setShown] = useState(language);
  const [answers, setAnswers] = useState<Record<string, AnswerValue | null>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview opens below the library: take the reader there.
  useEffect(() => {
    heading.current?.focus();
  }, [refKey]);
  if (!instrument) return null;
  const offered = [...new Set([...languages, ...instrument.languages])];
  return (
    <section className="builder-preview" aria-labelledby="preview-heading" data-testid="instrument-preview">
      <h3 id="preview-heading" ref={heading} tabIndex={-1}>
        Preview: {localize(instrument.title, 'en')} ({instrument.id} v{instrument.version})
      </h3>
      <PreviewLanguage offered={offered} available={instrument.languages} shown={shown} onShow={setShown} onClose={onClose} />
      <div className="builder-phone participant" lang={shown}>
        {instrument.items.map((item) => (
          <div key={item.id} className="p-card builder-phone-card">
            <ItemCard
              instrumentId={`preview-${instrument.id}`}
              item={item}
              language={shown}
              value={answers[item.id] ?? null}
              error={null}
              onAnswer={(value) => setAnswers((current) => ({ ...current, [item.id]: value }))}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
