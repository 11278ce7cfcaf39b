// The public face of @attune/survey. Every module below is side-effect free apart from the
// shipped instruments' own definitions, so a bundler keeps only what a page imports.

export type {
  AnswerableItem,
  Answers,
  AnswerValue,
  AttentionCheckItem,
  ChoiceItem,
  ChoiceOption,
  EndLabels,
  ExportCell,
  ExportColumn,
  ExportType,
  ExportValueLabel,
  InstructionItem,
  Instrument,
  IosItem,
  Item,
  ItemKind,
  Language,
  LikertItem,
  LocalizedText,
  ManipulationCheckItem,
  MultiChoiceItem,
  NumericItem,
  Scale,
  ScaleBounds,
  Scores,
  ScoredItem,
  SingleChoiceItem,
  SliderItem,
  TextItem,
  ValidateOptions,
  ValidationCode,
  ValidationIssue,
} from './types';

export { defineInstrument, parseInstrument } from './define-instrument';
export { checkInstrument } from './check-instrument';
export { InstrumentDefinitionError, type DefinitionProblem } from './definition-error';
export { validateAnswers } from './validate-answers';
export { scoreAnswers, scaleBounds } from './score-answers';
export {
  attentionCheckResults,
  expectedCheckAnswer,
  manipulationCheckResults,
  manipulationProbes,
  type CheckResults,
} from './check-results';
export { exportColumns, type ExportOptions } from './export-columns';
export { exportRow } from './export-row';
export { canonicalJson } from './canonical-json';
export { instrumentHash } from './instrument-hash';
export { localize } from './localize';
export { identifyingItemIds, isAnswerable, isScoredItem, isRequired, itemBounds, isReverseKeyed, reverseScore } from './item-rules';

export { getInstrument, listInstruments } from './registry';
export { iosInstrument } from './instruments/ios';
export { closenessSciInstrument } from './instruments/closeness-sci';
export { closenessCheckInstrument } from './instruments/closeness-check';
export { iriEcPtInstrument } from './instruments/iri-ec-pt';
export { batsonEcInstrument } from './instruments/batson-ec';
export { iPanasSfInstrument } from './instruments/i-panas-sf';
export { checkPhoneInstrument } from './instruments/check-phone';
export { checkSeatingInstrument } from './instruments/check-seating';
export { attentionInstrument } from './instruments/attention';
export { checkPhoneV2Instrument } from './instruments/check-phone-v2';
export { checkSeatingV2Instrument } from './instruments/check-seating-v2';
export { partnerResponsivenessInstrument } from './instruments/partner-responsiveness';
export { trustInstrument } from './instruments/trust';
export { conversationProcessInstrument } from './instruments/conversation-process';
export { iosV2Instrument } from './instruments/ios-v2';
export { closenessSciV2Instrument } from './instruments/closeness-sci-v2';
export { batsonEcV2Instrument } from './instruments/batson-ec-v2';
export { iriEcPtV2Instrument } from './instruments/iri-ec-pt-v2';
