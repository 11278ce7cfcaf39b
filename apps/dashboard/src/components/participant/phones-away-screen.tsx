import { useEffect } from 'react';
import { useParticipantContext } from '@/lib/participant/participant-context';
import { TopicCard } from './conversation-screen';

/**
 * A lab conversation (domain.md §7): no participant phone may be in play, in any arm, or every arm
 * has a phone present. So this screen asks for the phone to be put away and shows no timer and
 * takes no wake lock; the research assistant's console keeps the time. When the phone is looked at
 * again it asks the server at once, and the post-survey is there once the conversation is over.
 */
export function PhonesAwayScreen() {
  const { state, refresh } = useParticipantContext();
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);
  return (
    <section className="p-card conversation phones-away" aria-labelledby="phones-away-title" data-testid="phones-away">
      <h1 id="phones-away-title" tabIndex={-1}>
        Put your phone away now
      </h1>
      <TopicCard instructions={state.session?.instructions ?? null} language={state.participant.language} />
      <ol className="steps">
        <li>Turn the screen off and put this phone face down in your bag or pocket.</li>
        <li>Talk with your partner. The research assistant keeps the time and tells you when it is over.</li>
        <li>Then take your phone out again: the next questions will be waiting here.</li>
      </ol>
    </section>
  );
}
