import { shipInstrument } from './ship-instrument';
import type { Instrument } from '../types';

// Manipulation and recollection checks for the phone factor (domain.md §1.5: "Was there a phone
// in the room?"). The expected answers assume the factor's levels are coded 'present' and
// 'absent', and that the absent level puts a notebook where the phone would be, as in
// Przybylski & Weinstein (2013). A study with other level codes maps them before calling
// manipulationCheckResults.
export const checkPhoneInstrument: Instrument = shipInstrument({
  id: 'check_phone',
  version: 1,
  title: { en: 'Phone factor: manipulation and recollection check' },
  citation:
    'Manipulation-check item "Was there a phone in the room?" from the data-model notes on the ' +
    'phone-presence studies (Przybylski & Weinstein 2013; Allred & Crowley 2017: recalling that a ' +
    "phone was present mattered). The recollection item's wording is this project's.",
  licence: "This project's own items; free to use.",
  languages: ['en'],
  items: [
    {
      kind: 'manipulation-check',
      id: 'phone_present',
      purpose: 'manipulation',
      text: { en: 'Was there a phone in the room?' },
      options: [
        { value: 'yes', label: { en: 'Yes' } },
        { value: 'no', label: { en: 'No' } },
        { value: 'not_sure', label: { en: "I'm not sure" } },
      ],
      factor: 'phone',
      expectedByLevel: { present: 'yes', absent: 'no' },
    },
    {
      kind: 'manipulation-check',
      id: 'phone_object_recalled',
      purpose: 'recollection',
      text: { en: 'Which object was lying on the table or desk near you during the conversation?' },
      options: [
        { value: 'phone', label: { en: 'A mobile phone' } },
        { value: 'notebook', label: { en: 'A notebook' } },
        { value: 'nothing', label: { en: 'Nothing' } },
        { value: 'not_sure', label: { en: "I don't remember" } },
      ],
      factor: 'phone',
      expectedByLevel: { present: 'phone', absent: 'notebook' },
    },
  ],
  scales: [],
});
