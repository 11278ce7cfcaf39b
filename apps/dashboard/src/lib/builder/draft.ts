import { conditionIds } from './conditions';
import type { Covariate, Design, Factor, InstrumentRef, Level, Localized, Phase } from './types';

/** Condition weights only for conditions that exist: renaming or removing a level drops its weights. */
function pruneWeights(design: Design): Design {
  const ids = new Set(conditionIds(design.factors));
  const conditionWeights = Object.fromEntries(Object.entries(design.conditionWeights).filter(([id]) => ids.has(id)));
  return { ...design, conditionWeights };
}

/** A fresh id (`level_3`) not yet taken among `taken`. */
export function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

export function setFactor(design: Design, f: number, factor: Factor): Design {
  return pruneWeights({ ...design, factors: design.factors.map((current, i) => (i === f ? factor : current)) });
}

export function setLevel(design: Design, f: number, l: number, level: Level): Design {
  const factor = design.factors[f];
  if (!factor) return design;
  return setFactor(design, f, { ...factor, levels: factor.levels.map((current, i) => (i === l ? level : current)) });
}

export function addFactor(design: Design): Design {
  const id = freshId(
    'factor',
    design.factors.map((factor) => factor.id),
  );
  const levels = [
    { id: 'level_1', label: 'Level 1' },
    { id: 'level_2', label: 'Level 2' },
  ];
  return pruneWeights({ ...design, factors: [...design.factors, { id, label: `Factor ${design.factors.length + 1}`, levels }] });
}

export function addLevel(design: Design, f: number): Design {
  const factor = design.factors[f];
  if (!factor) return design;
  const id = freshId(
    'level',
    factor.levels.map((level) => level.id),
  );
  return setFactor(design, f, { ...factor, levels: [...factor.levels, { id, label: `Level ${factor.levels.length + 1}` }] });
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function moveAt<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const out = [...items];
  [out[index], out[target]] = [out[target] as T, out[index] as T];
  return out;
}

export function removeFactor(design: Design, f: number): Design {
  return pruneWeights({ ...design, factors: removeAt(design.factors, f) });
}

export function removeLevel(design: Design, f: number, l: number): Design {
  const factor = design.factors[f];
  return factor ? setFactor(design, f, { ...factor, levels: removeAt(factor.levels, l) }) : design;
}

/**
 * One language of a text. A text blank in every language is dropped (undefined): launch reads a
 * present optional text (a level's instructions) as "to be translated", so an emptied one would
 * otherwise be flagged as missing in every language.
 */
export function setText(text: Localized | undefined, language: string, value: string): Localized | undefined {
  const next = { ...(text ?? {}), [language]: value };
  return Object.values(next).every((entry) => entry.trim() === '') ? undefined : next;
}

export function addLanguage(design: Design, language: string): Design {
  const code = language.trim();
  if (code === '' || design.languages.includes(code)) return design;
  return { ...design, languages: [...design.languages, code] };
}

/** Removing a language keeps its texts out of the study: they are dropped from every text. */
export function removeLanguage(design: Design, language: string): Design {
  if (design.languages.length <= 1) return design;
  const drop = (text: Localized | undefined): Localized | undefined => {
    if (!text) return text;
    const { [language]: _dropped, ...rest } = text;
    return rest;
  };
  return {
    ...design,
    languages: design.languages.filter((code) => code !== language),
    factors: design.factors.map((factor) => ({
      ...factor,
      levels: factor.levels.map((level) => ({ ...level, instructions: drop(level.instructions), topicPrompt: drop(level.topicPrompt) })),
    })),
    covariates: design.covariates.map((covariate) => ({
      ...covariate,
      question: drop(covariate.question),
      levels: covariate.levels.map((level) => ({ ...level, text: drop(level.text) })),
    })),
    conversation: { ...design.conversation, instructions: drop(design.conversation.instructions) ?? {} },
    consent: { ...design.consent, text: drop(design.consent.text) ?? {} },
  };
}

export function setCovariate(design: Design, c: number, covariate: Covariate): Design {
  const previous = design.covariates[c];
  const stratifyBy =
    previous && previous.id !== covariate.id ? design.stratifyBy.map((id) => (id === previous.id ? covariate.id : id)) : design.stratifyBy;
  return { ...design, stratifyBy, covariates: design.covariates.map((current, i) => (i === c ? covariate : current)) };
}

export function addCovariate(design: Design, source: Covariate['source']): Design {
  const id = freshId(
    'covariate',
    design.covariates.map((covariate) => covariate.id),
  );
  const levels = [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ];
  const covariate: Covariate =
    source === 'participant'
      ? { id, label: 'New question', source, question: {}, levels }
      : { id, label: 'New observation', source, levels };
  return { ...design, covariates: [...design.covariates, covariate] };
}

export function removeCovariate(design: Design, c: number): Design {
  const removed = design.covariates[c];
  return { ...design, covariates: removeAt(design.covariates, c), stratifyBy: design.stratifyBy.filter((id) => id !== removed?.id) };
}

export function addInstrument(design: Design, phase: Phase, ref: InstrumentRef): Design {
  return { ...design, instruments: { ...design.instruments, [phase]: [...design.instruments[phase], ref] } };
}

export function setInstruments(design: Design, phase: Phase, refs: InstrumentRef[]): Design {
  return { ...design, instruments: { ...design.instruments, [phase]: refs } };
}

/**
 * A design to start from scratch: one factor with two placeholder levels, no covariates or
 * instruments, empty texts. It saves (the API accepts incomplete drafts) and the problem list
 * says what launch still needs.
 */
export function blankDesign(): Design {
  return {
    factors: [
      {
        id: 'factor_1',
        label: 'Factor 1',
        levels: [
          { id: 'level_1', label: 'Level 1' },
          { id: 'level_2', label: 'Level 2' },
        ],
      },
    ],
    conditionWeights: {},
    covariates: [],
    stratifyBy: [],
    sessionSize: 2,
    targetSessionsPerCondition: 30,
    randomisation: { scheme: 'permuted_blocks', blockMultipliers: [1, 2, 3] },
    dropoutPolicy: 'keep_as_randomised',
    instruments: { pre: [], post: [] },
    conversation: { durationSeconds: 600, instructions: { en: '' } },
    consent: { version: '1', text: { en: '' } },
    languages: ['en'],
    completion: { kind: 'code' },
  };
}

/**
 * The design as sent to the API: a cleared completion code or URL is left out rather than sent
 * empty (the API's format check would refuse "" and the whole save with it; launch reports it).
 */
export function forSaving(design: Design): Design {
  const { completion } = design;
  const kept =
    completion.kind === 'code'
      ? { kind: 'code' as const, ...(completion.code ? { code: completion.code } : {}) }
      : { kind: 'redirect' as const, ...(completion.url ? { url: completion.url } : {}) };
  return { ...design, completion: kept };
}
