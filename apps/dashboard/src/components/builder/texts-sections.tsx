'use client';

import type { Design } from '@/lib/builder/types';
import { useEditor } from './editor-context';
import { LocalizedField, NumberField, SelectField, TextField } from './fields';

/** The conversation: how long, and what the phones say about it. */
export function ConversationSection() {
  const { design, update } = useEditor();
  return (
    <section className="card builder-section" aria-labelledby="conversation-heading">
      <h2 id="conversation-heading">Conversation</h2>
      <NumberField
        path="design.conversation.durationSeconds"
        label="Duration in seconds"
        hint={`${Math.round(design.conversation.durationSeconds / 6) / 10} minutes; 30 to 7200 seconds.`}
        min={30}
        max={7200}
        value={design.conversation.durationSeconds}
        onChange={(durationSeconds) => update((d) => ({ ...d, conversation: { ...d.conversation, durationSeconds } }))}
      />
      <LocalizedField
        path="design.conversation.instructions"
        label="Conversation text on the phones"
        text={design.conversation.instructions}
        onChange={(instructions) => update((d) => ({ ...d, conversation: { ...d.conversation, instructions: instructions ?? {} } }))}
      />
    </section>
  );
}

export function ConsentSection() {
  const { design, update } = useEditor();
  return (
    <section className="card builder-section" aria-labelledby="consent-heading">
      <h2 id="consent-heading">Consent</h2>
      <TextField
        path="design.consent.version"
        label="Consent version"
        hint="Stored with every participant's consent; change it when the text changes."
        value={design.consent.version}
        onChange={(version) => update((d) => ({ ...d, consent: { ...d.consent, version } }))}
      />
      <LocalizedField
        path="design.consent.text"
        label="Consent text"
        text={design.consent.text}
        onChange={(text) => update((d) => ({ ...d, consent: { ...d.consent, text: text ?? {} } }))}
      />
    </section>
  );
}

type Completion = Design['completion'];

function CompletionValue({
  completion,
  onChange: set,
}: {
  readonly completion: Completion;
  readonly onChange: (next: Completion) => void;
}) {
  return completion.kind === 'code' ? (
    <TextField
      path="design.completion.code"
      label="Completion code"
      mono
      hint="Letters, digits, - and _ (at most 40)."
      value={completion.code ?? ''}
      onChange={(code) => set({ kind: 'code', code })}
    />
  ) : (
    <TextField
      path="design.completion.url"
      label="Redirect URL (https)"
      mono
      value={completion.url ?? ''}
      onChange={(url) => set({ kind: 'redirect', url })}
    />
  );
}

/** What participants get at the end: a code to type in, or a redirect (e.g. back to Prolific). */
export function CompletionSection() {
  const { design, update } = useEditor();
  const { completion } = design;
  const set = (next: Completion) => update((d) => ({ ...d, completion: next }));
  return (
    <section className="card builder-section" aria-labelledby="completion-heading">
      <h2 id="completion-heading">Completion</h2>
      <SelectField
        path="design.completion.kind"
        label="At the end, participants get"
        value={completion.kind}
        options={[
          ['code', 'A completion code'],
          ['redirect', 'A redirect to a web address'],
        ]}
        onChange={(kind) => set(kind === 'code' ? { kind, code: completion.code ?? '' } : { kind, url: completion.url ?? '' })}
      />
      <CompletionValue completion={completion} onChange={set} />
      <NumberField
        path="design.withdrawal.daysAfterClose"
        label="Days after the study closes that participants may still withdraw"
        hint="State it in the consent text. Default 30."
        min={0}
        max={3650}
        value={design.withdrawal?.daysAfterClose ?? 30}
        onChange={(daysAfterClose) => update((d) => ({ ...d, withdrawal: { daysAfterClose } }))}
      />
    </section>
  );
}
