'use client';

import { getInstrument, listInstruments, localize } from '@attune/survey';
import { useState, type ReactNode } from 'react';
import { addInstrument, moveAt, removeAt, setInstruments } from '@/lib/builder/draft';
import { fieldId } from '@/lib/builder/paths';
import type { Phase } from '@/lib/builder/types';
import { useEditor } from './editor-context';
import { FieldProblems, Part } from './fields';
import { InstrumentPreview } from './instrument-preview';

const PHASES: ReadonlyArray<readonly [Phase, string]> = [
  ['pre', 'Before the conversation'],
  ['post', 'After the conversation'],
];
const key = (id: string, version: number) => `${id}@${version}`;

/** Instruments per phase from the library, each previewable item by item as the phone shows it. */
export function InstrumentsSection() {
  const { design } = useEditor();
  const library = listInstruments().filter((instrument) => instrument.id !== 'debrief');
  const [picked, setPicked] = useState(() => key(library[0]?.id ?? '', library[0]?.version ?? 1));
  const [previewed, setPreviewed] = useState<string | null>(null);
  const language = design.languages[0] ?? 'en';
  return (
    <section className="card builder-section" aria-labelledby="instruments-heading">
      <h2 id="instruments-heading">Instruments</h2>
      {PHASES.map(([phase, title]) => (
        <PhaseList key={phase} phase={phase} title={title} onPreview={setPreviewed} />
      ))}
      <div className="builder-part">
        <h3>Library</h3>
        <div className="field">
          <label htmlFor="library-pick">Instrument</label>
          <select id="library-pick" value={picked} onChange={(event) => setPicked(event.target.value)}>
            {library.map((instrument) => (
              <option key={key(instrument.id, instrument.version)} value={key(instrument.id, instrument.version)}>
                {localize(instrument.title, 'en')} ({instrument.id} v{instrument.version}; {instrument.languages.join(', ')})
              </option>
            ))}
          </select>
        </div>
        <LibraryActions picked={picked} onPreview={setPreviewed} />
      </div>
      {previewed ? (
        <InstrumentPreview refKey={previewed} language={language} languages={design.languages} onClose={() => setPreviewed(null)} />
      ) : null}
    </section>
  );
}

function parseKey(value: string): { id: string; version: number } {
  const [id = '', version = '1'] = value.split('@');
  return { id, version: Number(version) };
}

function LibraryActions({ picked, onPreview }: { readonly picked: string; readonly onPreview: (key: string) => void }) {
  const { update } = useEditor();
  const ref = parseKey(picked);
  return (
    <div className="builder-actions">
      <button type="button" className="button button-secondary button-small" onClick={() => onPreview(picked)}>
        Preview items
      </button>
      {PHASES.map(([phase, title]) => (
        <button key={phase} type="button" className="button button-small" onClick={() => update((d) => addInstrument(d, phase, ref))}>
          Add to “{title.toLowerCase()}”
        </button>
      ))}
    </div>
  );
}

function PhaseList({
  phase,
  title,
  onPreview,
}: {
  readonly phase: Phase;
  readonly title: string;
  readonly onPreview: (key: string) => void;
}) {
  const { design, update } = useEditor();
  const refs = design.instruments[phase];
  const where = title.toLowerCase();
  return (
    <Part path={`design.instruments.${phase}`} legend={title}>
      {refs.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol className="builder-instruments">
          {refs.map((ref, i) => {
            const instrument = getInstrument(ref.id, ref.version);
            const path = `design.instruments.${phase}[${i}]`;
            return (
              <li key={`${key(ref.id, ref.version)}-${i}`} id={fieldId(path)}>
                <span>
                  {instrument ? localize(instrument.title, 'en') : 'Unknown instrument'}{' '}
                  <span className="mono">
                    {ref.id} v{ref.version}
                  </span>
                </span>
                <span className="builder-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onPreview(key(ref.id, ref.version))}
                  >
                    Preview
                    <Hidden>
                      {' '}
                      {ref.id} v{ref.version}
                    </Hidden>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={i === 0}
                    onClick={() => update((d) => setInstruments(d, phase, moveAt(d.instruments[phase], i, -1)))}
                  >
                    Move up
                    <Hidden>
                      {' '}
                      {ref.id} ({where})
                    </Hidden>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => update((d) => setInstruments(d, phase, removeAt(d.instruments[phase], i)))}
                  >
                    Remove
                    <Hidden>
                      {' '}
                      {ref.id} from {where}
                    </Hidden>
                  </button>
                </span>
                <FieldProblems path={path} />
              </li>
            );
          })}
        </ol>
      )}
    </Part>
  );
}

/** The rest of a button's name for screen readers: the same instrument can sit in both phases. */
function Hidden({ children }: { readonly children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
