import { startTransition, useEffect, useRef, useState } from 'react';
import { type LoadedPhase, loadPhase, serverPhase, settlePhase } from '@/lib/participant/load-phase';
import { useParticipantContext } from '@/lib/participant/participant-context';
import { localStore } from '@/lib/participant/storage';
import type { Phase } from '@/lib/participant/types';
import { KnownNotice } from './notice';
import { SurveyRunner } from './survey-runner';

/**
 * The phase's instruments, this phone's progress and the server's drafts. /p's server render, when
 * it loaded the phase, is shown at once and then joined with this phone's copy; otherwise all is
 * fetched. `reload` tries again after a failure.
 */
function useLoadedPhase(phase: Phase): [LoadedPhase | null, () => void] {
  const { me, state, preloaded: fromServer } = useParticipantContext();
  const preloaded = fromServer?.phase === phase ? fromServer : null;
  const language = state.participant.language;
  const refs = state.session?.instruments ?? [];
  const [loaded, setLoaded] = useState<LoadedPhase | null>(() =>
    preloaded ? serverPhase(preloaded.instruments, preloaded.drafts, language) : null,
  );
  const [attempt, setAttempt] = useState(0);
  const usedPreload = useRef(false);
  const refKey = refs.map((ref) => `${ref.id}@${ref.version}`).join(',');
  useEffect(() => {
    if (preloaded && !usedPreload.current) {
      usedPreload.current = true;
      // Synchronous and not a transition: the cards stay inert until this phone's copy is in.
      setLoaded(settlePhase(me, phase, preloaded.instruments, preloaded.drafts, language, localStore));
      return;
    }
    let live = true;
    void loadPhase(me, phase, refs, language, localStore).then((result) => {
      if (live) startTransition(() => setLoaded(result));
    });
    return () => {
      live = false;
    };
    // refKey stands for refs, whose identity changes with every state poll; preloaded is used once.
  }, [me, phase, refKey, language, attempt]);
  return [loaded, () => setAttempt((n) => n + 1)];
}

/** Loads a phase (instruments, this phone's progress, the server's drafts), then runs it. */
export function SurveyScreen({ phase }: { readonly phase: Phase }) {
  const { onSubmitted } = useParticipantContext();
  const [loaded, reload] = useLoadedPhase(phase);
  const submitted = loaded?.kind === 'submitted';
  useEffect(() => {
    // The server already holds this phase (another tab, or a reply that arrived after a reload).
    if (submitted) onSubmitted(phase);
  }, [submitted, onSubmitted, phase]);

  if (loaded === null || loaded.kind === 'submitted') {
    return (
      <section className="p-card" aria-busy="true">
        <h1>Loading the questions…</h1>
      </section>
    );
  }
  if (loaded.kind === 'unavailable') {
    return (
      <KnownNotice
        kind="unreachable"
        action={
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        }
      />
    );
  }
  return <SurveyRunner phase={phase} instruments={loaded.instruments} initial={loaded.progress} settled={loaded.settled} />;
}
