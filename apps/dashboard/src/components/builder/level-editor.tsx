'use client';

import { setLevel } from '@/lib/builder/draft';
import { fieldId } from '@/lib/builder/paths';
import type { Level } from '@/lib/builder/types';
import { useEditor } from './editor-context';
import { LocalizedField, Part, TextField, useFieldAria } from './fields';

interface LevelEditorProps {
  readonly f: number;
  readonly l: number;
  readonly level: Level;
  readonly factorLabel: string;
  readonly canRemove: boolean;
  readonly onRemove: () => void;
}

/** One level: its name and id, the phones' instructions and topic, the experimenter's set-up and what it puts in the room. */
export function LevelEditor({ f, l, level, factorLabel, canRemove, onRemove }: LevelEditorProps) {
  const { update, amend } = useEditor();
  const at = `design.factors[${f}].levels[${l}]`;
  const set = (next: Level) => update((d) => setLevel(d, f, l, next));
  return (
    <Part path={at} legend={`${factorLabel}: ${level.label}`} className="builder-part builder-level">
      <div className="builder-row">
        <TextField
          path={`${at}.label`}
          label="Level name (researchers only)"
          value={level.label}
          onChange={(label) => set({ ...level, label })}
        />
        <TextField path={`${at}.id`} label="Level id" mono readOnly={amend} value={level.id} onChange={(id) => set({ ...level, id })} />
      </div>
      <PhoneTexts at={at} level={level} onChange={set} />
      <TextField
        path={`${at}.setup`}
        label="Experimenter's set-up (lab console only)"
        multiline
        value={level.setup ?? ''}
        onChange={(setup) => set({ ...level, setup })}
      />
      <SetsEditor at={at} level={level} onChange={set} />
      {canRemove ? (
        <button type="button" className="button button-secondary button-small builder-remove" onClick={onRemove}>
          Remove level {level.label}
        </button>
      ) : null}
    </Part>
  );
}

interface LevelPartProps {
  readonly at: string;
  readonly level: Level;
  readonly onChange: (level: Level) => void;
}

/** What the participants' phones show for this level. */
function PhoneTexts({ at, level, onChange }: LevelPartProps) {
  return (
    <>
      <LocalizedField
        path={`${at}.instructions`}
        label="Instructions on the participants' phones"
        hint="Shown once the session is allocated; never names the condition."
        text={level.instructions}
        onChange={(instructions) => onChange({ ...level, instructions })}
      />
      <LocalizedField
        path={`${at}.topicPrompt`}
        label="Topic prompt (if this level sets the conversation topic)"
        text={level.topicPrompt}
        onChange={(topicPrompt) => onChange({ ...level, topicPrompt })}
      />
    </>
  );
}

function renameKey(sets: Record<string, string>, from: string, to: string): Record<string, string> {
  return Object.fromEntries(Object.entries(sets).map(([key, value]) => [key === from ? to : key, value]));
}

/** What the level puts in the room, by manipulation-check probe (`table_object` → `phone`). */
function SetsEditor({ at, level, onChange }: LevelPartProps) {
  const sets = level.sets ?? {};
  const entries = Object.entries(sets);
  return (
    <Part path={`${at}.sets`} legend="What this level puts in the room (for manipulation checks)">
      {entries.length === 0 ? <p className="muted">Nothing declared.</p> : null}
      {entries.map(([probe, setting], i) => (
        <div className="builder-row" key={i}>
          <ProbeInput at={at} probe={probe} onChange={(next) => onChange({ ...level, sets: renameKey(sets, probe, next) })} />
          <TextField
            path={`${at}.sets.${probe}`}
            label={`Setting of ${probe}`}
            mono
            value={setting}
            onChange={(value) => onChange({ ...level, sets: { ...sets, [probe]: value } })}
          />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onChange({ ...level, sets: Object.fromEntries(entries.filter((_, j) => j !== i)) })}
          >
            Remove {probe}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange({ ...level, sets: { ...sets, [`probe_${entries.length + 1}`]: '' } })}
      >
        Add a setting
      </button>
    </Part>
  );
}

function ProbeInput({ at, probe, onChange }: { readonly at: string; readonly probe: string; readonly onChange: (probe: string) => void }) {
  const aria = useFieldAria(`${at}.sets.${probe}`);
  const id = `${fieldId(`${at}.sets.${probe}`)}-probe`;
  return (
    <div className="field">
      <label htmlFor={id}>Probe</label>
      <input
        id={id}
        type="text"
        className="mono"
        value={probe}
        aria-invalid={aria['aria-invalid']}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
