import { startTransition, useEffect, useRef, useState } from 'react';
import type { AnswerQueue } from '@/lib/participant/answer-queue';
import type { InstrumentRef } from '@/lib/participant/instruments';
import { type LoadedPhase, loadPhase, serverPhase, settlePhase } from '@/lib/participant/load-phase';
import type { StoredParticipant } from '@/lib/participant/participant-store';
import { localStore } from '@/lib/participant/storage';
import type { Phase, ServerPhase } from '@/lib/participant/types';
import { KnownNotice } from './notice';
import { SurveyRunner } from './survey-runner';

interface SurveyScreenProps {
  readonly me: StoredParticipant;
  readonly phase: Phase;
  readonly refs: readonly InstrumentRef[];
  /** The phase as /p's server render loaded it: shown at once, then joined with this phone's copy. */
  readonly preloaded: ServerPhase | null;
  readonly language: string;
  readonly queue: AnswerQueue | null;
  readonly onSubmitted: () => void;
  readonly onPhaseClosed: () => void;
}

/** Loads a phase (instruments, this phone's progress, the server's drafts), then runs it. */
export function SurveyScreen(props: SurveyScreenProps) {
  const { me, phase, refs, preloaded, language, onSubmitted } = props;
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
  useEffect(() => {
    if (loaded?.kind === 'submitted') onSubmitted();
  }, [loaded, onSubmitted]);

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
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        }
      />
    );
  }
  return <SurveyRunner {...props} instruments={loaded.instruments} initial={loaded.progress} settled={loaded.settled} />;
}
