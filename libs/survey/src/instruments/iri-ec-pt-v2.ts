import { iriEcPtInstrument } from './iri-ec-pt';
import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

// Version 2 of the IRI EC and PT subscales: the same items and scoring as v1 (shared below; v1
// is locked by instrument-hashes.json), with Davis (1983), the validation article, added to the
// citation.
export const iriEcPtV2Instrument: Instrument = shipInstrument({
  ...iriEcPtInstrument,
  version: 2,
  citation:
    'Davis, M. H. (1980). A multidimensional approach to individual differences in empathy. ' +
    'JSAS Catalog of Selected Documents in Psychology, 10, 85 [publication details unverified]. ' +
    'Davis, M. H. (1983). Measuring individual differences in empathy: Evidence for a ' +
    'multidimensional approach. Journal of Personality and Social Psychology, 44(1), 113–126 ' +
    '[title, volume and pages unverified]. Items, A–E response format scored 0–4, subscale keys ' +
    'and reverse-keyed items as in jpoko/ccc-dashboard iri-detailed.md and other instrument ' +
    'files (domain.md §2.4 [V]). Items 3 and 25 in the modern gender-neutral wording. Subscale ' +
    'score = sum (0–28), prorated when one item is missing.',
});
