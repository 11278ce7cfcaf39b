'use client';

import { getInstrument, listInstruments, localize } from '@attune/survey';
import { useState, type ReactNode } from 'react';
import { addInstrument, moveAt, removeAt, setInstruments } from '@/lib/builder/draft';
import { fieldId } from '@/lib/builder/paths';
import type { InstrumentRef, Phase } from '@/lib/builder/types';
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

interface PhaseListProps {
  readonly phase: Phase;
  readonly title: string;
  readonly onPreview: (key: string) => void;
}

function PhaseList({ phase, title, onPreview }: PhaseListProps) {
  const { design } = useEditor();
  const refs = design.instruments[phase];
  const where = title.toLowerCase();
  return (
    <Part path={`design.instruments.${phase}`} legend={title}>
      {refs.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ol className="builder-instruments">
          {refs.map((ref, i) => (
            <InstrumentRow key={`${key(ref.id, ref.version)}-${i}`} phase={phase} where={where} entry={ref} i={i} onPreview={onPreview} />
          ))}
        </ol>
      )}
    </Part>
  );
}

interface InstrumentRowProps {
  readonly phase: Phase;
  /** The phase's title in lower case, naming the buttons for screen readers. */
  readonly where: string;
  readonly entry: InstrumentRef;
  readonly i: number;
  readonly onPreview: (key: string) => void;
}

function InstrumentRow({ phase, where, entry, i, onPreview }: InstrumentRowProps) {
  const instrument = getInstrument(entry.id, entry.version);
  const path = `design.instruments.${phase}[${i}]`;
  return (
    <li id={fieldId(path)}>
      <span>
        {instrument ? localize(instrument.title, 'en') : 'Unknown instrument'}{' '}
        <span className="mono">
          {entry.id} v{entry.version}
        </span>
      </span>
      <InstrumentActions phase={phase} where={where} entry={entry} i={i} onPreview={onPreview} />
      <FieldProblems path={path} />
    </li>
  );
}

function InstrumentActions({ phase, where, entry, i, onPreview }: InstrumentRowProps) {
  const { update } = useEditor();
  return (
    <span className="builder-actions">
      <button type="button" className="button button-secondary button-small" onClick={() => onPreview(key(entry.id, entry.version))}>
        Preview
        <Hidden>
          {' '}
          {entry.id} v{entry.version}
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
          {entry.id} ({where})
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
          {entry.id} from {where}
        </Hidden>
      </button>
    </span>
  );
}

/** The rest of a button's name for screen readers: the same instrument can sit in both phases. */
function Hidden({ children }: { readonly children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
