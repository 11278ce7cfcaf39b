import { shipInstrument } from './ship-instrument';
import type { Instrument, LikertItem } from '../types';

const PARTNER_DE = 'meine Gesprächspartnerin bzw. mein Gesprächspartner';
const endLabels = {
  min: { en: 'Not at all true', de: 'Trifft überhaupt nicht zu' },
  max: { en: 'Completely true', de: 'Trifft vollständig zu' },
};

/** One item: the English ending after "During the conversation, my partner", the German sentence. */
function item(id: string, en: string, de: string): LikertItem {
  return {
    kind: 'likert',
    id: `pprs_${id}`,
    text: { en: `During the conversation, my partner ${en}`, de: `Während des Gesprächs ${de}` },
    points: 9,
    endLabels,
  };
}

const ITEMS: readonly LikertItem[] = [
  item('listened', 'really listened to me.', `hat ${PARTNER_DE} mir wirklich zugehört.`),
  item('responsive', 'was responsive to my needs.', `ist ${PARTNER_DE} auf meine Bedürfnisse eingegangen.`),
  item('facts', 'got "the facts right" about me.', `hat ${PARTNER_DE} mich „richtig eingeschätzt“, was die Fakten über mich angeht.`),
  item('understood', 'understood me.', `hat ${PARTNER_DE} mich verstanden.`),
  item('wavelength', 'was on "the same wavelength" with me.', `war ${PARTNER_DE} mit mir „auf derselben Wellenlänge“.`),
  item('liking', 'expressed liking and encouragement for me.', `hat ${PARTNER_DE} mir Sympathie und Ermutigung gezeigt.`),
  item(
    'interested',
    'seemed interested in what I was thinking and feeling.',
    `schien sich ${PARTNER_DE} dafür zu interessieren, was ich denke und fühle.`,
  ),
  item('valued', 'valued my abilities and opinions.', `hat ${PARTNER_DE} meine Fähigkeiten und Meinungen geschätzt.`),
];

// Perceived partner responsiveness: how understood, valued and cared for a participant felt by
// the partner; what the phone studies call "empathy" (domain.md §7), not the rater's own
// empathic emotion (that is batson_ec). Adapted from the Perceived Partner Responsiveness Scale,
// domain.md §2.6 [V]: eight of the twelve short-form items, the ones a stranger can judge after
// one conversation, rephrased from the trait stem "My partner …" to "During the conversation, my
// partner …" (past tense). Mean instead of the source's sum, so the score stays on the 1–9
// metric of the items.
export const partnerResponsivenessInstrument: Instrument = shipInstrument({
  id: 'partner_responsiveness',
  version: 1,
  title: {
    en: 'Perceived partner responsiveness in the conversation',
    de: 'Wahrgenommene Responsivität der Gesprächspartnerin bzw. des Gesprächspartners',
  },
  citation:
    'Adapted from the Perceived Partner Responsiveness Scale (Reis & Carmichael 2006; scale ' +
    'profile by Reis, Crasta, Rogge, Maniaci & Carmichael 2017/2018 in a measures sourcebook ' +
    '[title, year, editors and pages unverified]). Verified (domain.md §2.6, from an item file ' +
    'implementing the scale): the 18 items with the stem "My partner …", the 12-item short form, ' +
    'the 9-point response scale (1 not at all true … 9 completely true; the source also labels ' +
    '3, 5 and 7, which this model cannot: only the ends are labelled here) and scoring by sum. ' +
    'Adaptation (this project): eight short-form items that fit a single conversation with a ' +
    'stranger (really listens; responsive to my needs; gets the facts right; understands me; ' +
    'same wavelength; expresses liking and encouragement; interested in what I think and feel; ' +
    'values my abilities and opinions), the stem "During the conversation, my partner …" in the ' +
    'past tense, and a mean score. Not validated in this form. German: project translation.',
  licence: 'Licence unknown [R, unverified]: check the terms of the Reis et al. sourcebook profile ' + 'before commercial use.',
  languages: ['en', 'de'],
  items: ITEMS,
  scales: [
    {
      id: 'pprs',
      label: {
        en: 'Perceived partner responsiveness (mean of 8 items, 1–9)',
        de: 'Wahrgenommene Responsivität (Mittelwert aus 8 Items, 1–9)',
      },
      items: ITEMS.map((entry) => entry.id),
      method: 'mean',
      // At most two of eight items missing.
      minAnswered: 0.75,
    },
  ],
});
