import { expectedCheckAnswer, getInstrument, type Instrument, type Item, manipulationProbes } from '@attune/survey';
import type { FieldIssue } from '../common/errors/domain-error';
import type { FactorDesign, StudyDesign } from './study-design';

type ManipulationItem = Extract<Item, { kind: 'manipulation-check' }>;

const ID = /^[a-z][a-z0-9_]{0,39}$/;

function issue(issues: FieldIssue[], path: string, code: string, message: string): void {
  issues.push({ path: `design.${path}`, code, message });
}

/** The factor whose levels say what they put in the room for `probe`, if exactly one does. */
function factorsSetting(design: StudyDesign, probe: string): FactorDesign[] {
  return design.factors.filter((factor) => factor.levels.some((level) => level.sets !== undefined && Object.hasOwn(level.sets, probe)));
}

function designInstruments(design: StudyDesign): Array<{ path: string; instrument: Instrument }> {
  return (['pre', 'post'] as const).flatMap((phase) =>
    design.instruments[phase].flatMap((ref, index) => {
      const instrument = getInstrument(ref.id, ref.version);
      return instrument ? [{ path: `instruments.${phase}[${index}]`, instrument }] : [];
    }),
  );
}

/** A probe check is scorable when one factor sets the probe in every level, to a setting the item can score. */
function checkProbe(issues: FieldIssue[], design: StudyDesign, path: string, instrument: Instrument, probe: string): void {
  const factors = factorsSetting(design, probe);
  const name = `${instrument.id} v${instrument.version}`;
  if (factors.length !== 1) {
    const detail = factors.length === 0 ? 'no factor level says' : `factors ${factors.map((f) => f.id).join(' and ')} both say`;
    return issue(
      issues,
      path,
      'CHECK_NOT_SCORABLE',
      `${name} asks about "${probe}", but ${detail} what it sets for it (levels' "sets.${probe}")`,
    );
  }
  const factor = factors[0] as FactorDesign;
  const f = design.factors.indexOf(factor);
  const items = instrument.items.filter(
    (item): item is ManipulationItem & { probe: string } => item.kind === 'manipulation-check' && 'probe' in item && item.probe === probe,
  );
  factor.levels.forEach((level, l) => {
    const setting = level.sets?.[probe];
    if (setting === undefined)
      return issue(
        issues,
        `factors[${f}].levels[${l}].sets.${probe}`,
        'REQUIRED',
        `${name} asks about "${probe}": every level of "${factor.id}" must say what it sets`,
      );
    for (const item of items) {
      if (expectedCheckAnswer(item, setting) === undefined)
        issue(
          issues,
          `factors[${f}].levels[${l}].sets.${probe}`,
          'CHECK_NOT_SCORABLE',
          `${name} item ${item.id} has no right answer for "${setting}"`,
        );
    }
  });
}

/** Old-style items name a factor and expect answers per level id: every level of it must be covered. */
function checkLevelKeyed(issues: FieldIssue[], design: StudyDesign, path: string, instrument: Instrument): void {
  for (const item of instrument.items) {
    if (item.kind !== 'manipulation-check' || item.factor === undefined) continue;
    const factor = design.factors.find((candidate) => candidate.id === item.factor);
    const missing = factor
      ? factor.levels.filter((level) => !Object.hasOwn(item.expectedByLevel ?? {}, level.id)).map((level) => level.id)
      : null;
    if (missing === null)
      issue(
        issues,
        path,
        'CHECK_NOT_SCORABLE',
        `${instrument.id} v${instrument.version} item ${item.id} checks factor "${item.factor}", which this design does not have`,
      );
    else if (missing.length > 0)
      issue(
        issues,
        path,
        'CHECK_NOT_SCORABLE',
        `${instrument.id} v${instrument.version} item ${item.id} has no right answer for level(s) ${missing.join(', ')} of "${item.factor}"; use a version keyed by what the level sets`,
      );
  }
}

/**
 * Manipulation checks are scored against what the session's condition put in the room, as the
 * protocol says it (levels' `sets`). A check the design cannot score would record null for a
 * whole arm (or a false failure), so launch refuses it.
 */
export function checkManipulationChecks(design: StudyDesign): FieldIssue[] {
  const issues: FieldIssue[] = [];
  design.factors.forEach((factor, f) =>
    factor.levels.forEach((level, l) => {
      for (const [probe, setting] of Object.entries(level.sets ?? {})) {
        if (!ID.test(probe) || typeof setting !== 'string' || !ID.test(setting))
          issue(
            issues,
            `factors[${f}].levels[${l}].sets.${probe}`,
            'INVALID_SETTING',
            'probes and settings are lowercase ids (letters, digits, _)',
          );
      }
    }),
  );
  for (const { path, instrument } of designInstruments(design)) {
    for (const probe of manipulationProbes(instrument)) checkProbe(issues, design, path, instrument, probe);
    checkLevelKeyed(issues, design, path, instrument);
  }
  return issues;
}

/** Partner questions exist only for people who have a partner, and only participants answer them. */
export function checkPartnerCovariates(design: StudyDesign): FieldIssue[] {
  const issues: FieldIssue[] = [];
  design.covariates.forEach((covariate, c) => {
    if (covariate.relation !== 'partner') return;
    if (covariate.source !== 'participant')
      issue(issues, `covariates[${c}].relation`, 'NOT_A_QUESTION', 'only participant-reported covariates can be about the partner');
    if (design.sessionSize < 2) issue(issues, `covariates[${c}].relation`, 'NO_PARTNER', 'sessions of one have no partner to ask about');
  });
  return issues;
}
