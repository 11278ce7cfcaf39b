// The data model of an instrument. Everything here is plain, JSON-serialisable data so that an
// instrument can be stored with a protocol, hashed, sent to a phone and checked again there.

/** An ISO 639-1 language code, optionally with a region: 'en', 'de', 'pt-BR'. */
export type Language = string;

/** One text in every language the instrument declares, e.g. `{ en: 'Yes', de: 'Ja' }`. */
export type LocalizedText = Readonly<Record<Language, string>>;

export interface EndLabels {
  readonly min: LocalizedText;
  readonly max: LocalizedText;
}

export interface ChoiceOption {
  /** A stable code, stored as the answer and used in export column names. */
  readonly value: string;
  readonly label: LocalizedText;
}

interface ItemBase {
  /** Stable and CSV-safe: /^[a-z][a-z0-9_]{0,62}$/. Becomes the export column name. */
  readonly id: string;
  readonly text: LocalizedText;
  /** Defaults to true for every answerable item. */
  readonly required?: boolean;
}

/** A rating from `min` (default 1) to `min + points - 1`; labels for every point or for the ends. */
export interface LikertItem extends ItemBase {
  readonly kind: 'likert';
  readonly points: number;
  readonly min?: number;
  readonly pointLabels?: readonly LocalizedText[];
  readonly endLabels?: EndLabels;
  readonly reverse?: boolean;
}

/**
 * Inclusion of Other in the Self: seven circle pairs scored 1 (no overlap) to 7 (most overlap).
 * Exactly one of two label styles:
 * - `pointLabels` (v1): seven overlap descriptions, shown next to the pictures and used as the
 *   codebook labels;
 * - `pictureLabels` (v2, as in the original figure, which has no words beside the pictures):
 *   seven accessible names ("Picture 3 of 7") that screen readers announce and nobody sees, plus
 *   optional `codebookLabels` that only the export shows.
 */
export interface IosItem extends ItemBase {
  readonly kind: 'ios';
  readonly selfLabel: LocalizedText;
  readonly otherLabel: LocalizedText;
  /** Seven descriptions: visible beside each picture, and the codebook labels. */
  readonly pointLabels?: readonly LocalizedText[];
  /** Seven accessible names, e.g. "Picture 3 of 7"; never shown. */
  readonly pictureLabels?: readonly LocalizedText[];
  /** Seven codebook labels (exports only; never shown to participants). Only with pictureLabels. */
  readonly codebookLabels?: readonly LocalizedText[];
}

/** A visual analogue scale, 0 to 100 (fractions allowed). */
export interface SliderItem extends ItemBase {
  readonly kind: 'slider';
  readonly endLabels: EndLabels;
  readonly reverse?: boolean;
}

export interface SingleChoiceItem extends ItemBase {
  readonly kind: 'single-choice';
  readonly options: readonly ChoiceOption[];
}

export interface MultiChoiceItem extends ItemBase {
  readonly kind: 'multi-choice';
  readonly options: readonly ChoiceOption[];
  /** Defaults to 0: an empty selection is an answer ("none of these"). */
  readonly minSelected?: number;
  /** Defaults to the number of options. */
  readonly maxSelected?: number;
}

export interface NumericItem extends ItemBase {
  readonly kind: 'numeric';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly unit?: LocalizedText;
  readonly reverse?: boolean;
}

export interface TextItem extends ItemBase {
  readonly kind: 'text';
  /** Counted in Unicode code points, as PostgreSQL's char_length does. */
  readonly maxLength: number;
  readonly multiline?: boolean;
  /**
   * The answer may identify the person (people write names, places, contact details into free
   * text): deleted with the external ids once the study's retention period ends.
   */
  readonly identifying?: boolean;
}

/** Text shown to the participant; it takes no answer. */
export interface InstructionItem {
  readonly kind: 'instruction';
  readonly id: string;
  readonly text: LocalizedText;
}

/**
 * An attention check in the forms Prolific allows: an instructed response ("select 'Strongly
 * disagree' for this question") or a nonsensical statement (which must offer no neutral midpoint).
 */
export interface AttentionCheckItem extends ItemBase {
  readonly kind: 'attention-check';
  readonly style: 'instructed' | 'nonsensical';
  readonly options: readonly ChoiceOption[];
  /** The option value that passes. */
  readonly expected: string;
}

/**
 * A manipulation or recollection check. The right answer depends on the session's condition and
 * is declared in one of two styles:
 *
 * - by **probe** (preferred): `probe` names what the room set-up is asked about (e.g.
 *   'table_object', 'seating'); the study design says, per factor level, which value it sets for
 *   that probe (e.g. level notebook sets { table_object: 'notebook' }). `expectedBySetting` maps
 *   a setting value to the right option; without it the setting value itself is the right option.
 * - by **factor** (v1 instruments): `factor` names the factor and `expectedByLevel` maps its level
 *   codes to the right option, which ties the instrument to one study's level names.
 */
export interface ManipulationCheckItem extends ItemBase {
  readonly kind: 'manipulation-check';
  readonly purpose: 'manipulation' | 'recollection';
  readonly options: readonly ChoiceOption[];
  readonly factor?: string;
  /** level code → the option value a participant in that level should give. */
  readonly expectedByLevel?: Readonly<Record<string, string>>;
  /** What the room set-up is asked about, e.g. 'table_object'; same format as ids. */
  readonly probe?: string;
  /** setting value → the option value a participant should give; absent = identity. */
  readonly expectedBySetting?: Readonly<Record<string, string>>;
}

export type Item =
  | LikertItem
  | IosItem
  | SliderItem
  | SingleChoiceItem
  | MultiChoiceItem
  | NumericItem
  | TextItem
  | InstructionItem
  | AttentionCheckItem
  | ManipulationCheckItem;

export type ItemKind = Item['kind'];

/** Items whose answer is a number on declared bounds, and which may therefore belong to a scale. */
export type ScoredItem = LikertItem | IosItem | SliderItem | NumericItem;

export type ChoiceItem = SingleChoiceItem | AttentionCheckItem | ManipulationCheckItem;

export type AnswerableItem = Exclude<Item, InstructionItem>;

export interface Scale {
  readonly id: string;
  readonly label: LocalizedText;
  /** Item ids; reverse-keying is read from each item's own `reverse` flag. */
  readonly items: readonly string[];
  /** 'sum' is prorated when items are missing: mean of answered items × number of items. */
  readonly method: 'mean' | 'sum';
  /** Share of the scale's items (0 < share ≤ 1) that must be answered for a score; else null. */
  readonly minAnswered: number;
}

export interface Instrument {
  /** Same format as item ids. */
  readonly id: string;
  /** A positive integer; any change of wording, options or scoring means a new version. */
  readonly version: number;
  readonly title: LocalizedText;
  readonly citation: string;
  readonly licence: string;
  readonly languages: readonly Language[];
  readonly items: readonly Item[];
  readonly scales: readonly Scale[];
}

/**
 * likert, ios, slider, numeric → number; single-choice, attention-check, manipulation-check →
 * option value (string); multi-choice → array of option values; text → string.
 */
export type AnswerValue = number | string | readonly string[];

/** item id → answer; unanswered is an explicit null (a missing key is treated the same). */
export type Answers = Readonly<Record<string, AnswerValue | null>>;

export type ValidationCode = 'REQUIRED' | 'OUT_OF_RANGE' | 'NOT_AN_OPTION' | 'NOT_AN_INTEGER' | 'TOO_LONG' | 'UNKNOWN_ITEM' | 'WRONG_TYPE';

export interface ValidationIssue {
  /** The item id, the unknown key, or '' when the answers themselves are not an object. */
  readonly itemId: string;
  readonly code: ValidationCode;
}

export interface ValidateOptions {
  /** Skip REQUIRED (item-by-item autosave); every given value is still checked. */
  readonly partial?: boolean;
}

/** scale id → score, or null when too few items were answered. */
export type Scores = Readonly<Record<string, number | null>>;

export interface ScaleBounds {
  readonly min: number;
  readonly max: number;
}

export type ExportType = 'integer' | 'number' | 'text' | 'boolean';

export interface ExportValueLabel {
  readonly value: number | string;
  /** null for points of a rating that carry no label of their own. */
  readonly label: string | null;
}

export interface ExportColumn {
  readonly name: string;
  readonly source: 'item' | 'option' | 'scale';
  readonly itemId: string | null;
  /** The option value of a multi-choice 0/1 column. */
  readonly option: string | null;
  readonly scaleId: string | null;
  readonly kind: ItemKind | 'scale';
  readonly label: string;
  readonly type: ExportType;
  /** Allowed values with their labels; empty when the values are open (text, slider, numeric). */
  readonly values: readonly ExportValueLabel[];
  readonly min: number | null;
  readonly max: number | null;
  readonly reverse: boolean;
  /** Ids of the scales an item belongs to; empty for scale columns. */
  readonly scales: readonly string[];
}

export type ExportCell = number | string | null;
