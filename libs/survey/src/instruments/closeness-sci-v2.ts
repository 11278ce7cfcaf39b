import { closenessSciInstrument } from './closeness-sci';
import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

// Version 2 of the Subjective Closeness Index: the same items and scale as v1 (shared below, and
// v1 is locked by instrument-hashes.json), with the citation corrected: the index comes from
// Berscheid, Snyder & Omoto (1989); Aron et al. (1997) used it.
export const closenessSciV2Instrument: Instrument = shipInstrument({
  ...closenessSciInstrument,
  version: 2,
  citation:
    'Subjective Closeness Index: Berscheid, E., Snyder, M., & Omoto, A. M. (1989). The ' +
    'Relationship Closeness Inventory: Assessing the closeness of interpersonal relationships. ' +
    'Journal of Personality and Social Psychology, 57(5), 792–807 [title, volume and pages ' +
    'unverified]. Used, in the form given here, by Aron, A., Melinat, E., Aron, E. N., Vallone, ' +
    'R. D., & Bator, R. J. (1997), Personality and Social Psychology Bulletin, 23(4), 363–377 ' +
    '[unverified details]; domain.md §2.2 [V] records the items as used there. Verbatim: the ' +
    '7-point anchors and the phrases "relative to all your other relationships" and "relative to ' +
    'what you know about other people\'s relationships"; the stem "How close do you feel to your ' +
    'conversation partner" is this project\'s wording [unverified against either source]. German: ' +
    'project translation.',
});
