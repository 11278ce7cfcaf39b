import { shipInstrument } from './ship-instrument';
import type { Instrument, NumericItem } from '../types';

const questions = { en: 'questions', de: 'Fragen' };

function countItem(id: string, en: string, de: string): NumericItem {
  return { kind: 'numeric', id, text: { en, de }, min: 0, max: 100, integer: true, unit: questions };
}

// The conversation advice, measured instead of assumed (domain.md §1.3 and §7): the share of
// talking time (the advice claims an 80/20 listening rule, a sales heuristic that no study was
// found to test), how many questions each partner asked (Huang et al. 2017: asking questions,
// especially follow-ups, increases liking) and how listened to the participant felt.
export const conversationProcessInstrument: Instrument = shipInstrument({
  id: 'conversation_process',
  version: 1,
  title: { en: 'Conversation process', de: 'Gesprächsverlauf' },
  citation:
    "This project's own items (English and German); self-reports, not validated. Rationale for the " +
    'question counts: Huang, K., Yeomans, M., Brooks, A. W., Minson, J., & Gino, F. (2017). It ' +
    "doesn't hurt to ask: Question-asking increases liking. Journal of Personality and Social " +
    'Psychology [volume and pages unverified; findings verified only in secondary sources, ' +
    'domain.md §1.3 [S]]. The talking-share item tests the "80/20 listening rule", which is ' +
    'untested: it was found only as a sales and communication heuristic, not as a research finding ' +
    '(a sales-analytics firm reports 43/57 talk/listen as optimal) (domain.md §1.3).',
  licence: "This project's own items; free to use.",
  languages: ['en', 'de'],
  items: [
    {
      kind: 'slider',
      id: 'process_talk_share',
      text: {
        en: 'What share of the talking did you do? (0 % = none of it, 100 % = all of it)',
        de: 'Wie groß war Ihr eigener Anteil an der Redezeit? (0 % = gar keiner, 100 % = die gesamte Redezeit)',
      },
      endLabels: {
        min: { en: 'None: my partner did all the talking', de: 'Gar keiner: Nur die andere Person hat gesprochen' },
        max: { en: 'All: I did all the talking', de: 'Die gesamte: Nur ich habe gesprochen' },
      },
    },
    countItem(
      'process_questions_asked',
      'About how many questions did you ask your conversation partner?',
      'Ungefähr wie viele Fragen haben Sie Ihrer Gesprächspartnerin bzw. Ihrem Gesprächspartner gestellt?',
    ),
    countItem(
      'process_questions_received',
      'About how many questions did your conversation partner ask you?',
      'Ungefähr wie viele Fragen hat Ihre Gesprächspartnerin bzw. Ihr Gesprächspartner Ihnen gestellt?',
    ),
    {
      kind: 'likert',
      id: 'process_listened',
      text: {
        en: 'How much did you feel listened to by your conversation partner?',
        de: 'Wie sehr hatten Sie das Gefühl, dass Ihre Gesprächspartnerin bzw. Ihr Gesprächspartner Ihnen zugehört hat?',
      },
      points: 7,
      endLabels: { min: { en: 'Not at all', de: 'Überhaupt nicht' }, max: { en: 'Completely', de: 'Voll und ganz' } },
    },
  ],
  // The four items measure different things and are exported raw; no composite.
  scales: [],
});
