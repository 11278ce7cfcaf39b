import {
  AnalysisError, descriptives, type Descriptives, type FactorialModel, factorialModel, type FactorSpec, type HedgesG, icc1FromSummaries,
  type Icc1, twoLevelComparisons, type WelchT,
} from '@attune/analysis';
import { conditionLevels } from '../randomisation/design';
import type { ResultPhase, SessionScaleRow } from './results.repository';

/** A group of sessions (a condition cell or a factor level) summarised on session scores. */
export interface GroupSummary extends Descriptives {
  readonly sessions: number;
  readonly participants: number;
}

export interface CellSummary extends GroupSummary {
  readonly conditionId: string;
  readonly levels: Readonly<Record<string, string>>;
}

export interface LevelSummary extends GroupSummary {
  readonly factorId: string;
  readonly levelId: string;
}

export interface FactorEffect {
  readonly factorId: string;
  readonly levels: readonly [string, string];
  /** Hedges' g of the first level minus the second, with its noncentral-t 95 % CI. */
  readonly hedges: HedgesG | null;
  readonly welch: WelchT | null;
}

/** A model, or why there is none (e.g. a condition cell without sessions yet). */
export interface ModelOutcome {
  readonly model: FactorialModel | null;
  readonly problem: string | null;
}

export interface ScaleResult {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly scale: string;
  readonly phase: ResultPhase;
  readonly cells: readonly CellSummary[];
  readonly levels: readonly LevelSummary[];
  readonly model: ModelOutcome;
  readonly effects: readonly FactorEffect[];
  readonly icc: Icc1 | null;
  /** Post only, where the same scale was measured before: post on condition with the centred pre score. */
  readonly ancova: ModelOutcome | null;
}

function summarise(rows: readonly SessionScaleRow[]): GroupSummary {
  return { ...descriptives(rows.map((row) => row.mean)), sessions: rows.length, participants: rows.reduce((sum, row) => sum + row.members, 0) };
}

function fitModel(run: () => FactorialModel): ModelOutcome {
  try {
    return { model: run(), problem: null };
  } catch (error) {
    // Too little data for the model (an empty cell, no residual df) is an answer, not a fault.
    if (error instanceof AnalysisError) return { model: null, problem: error.message };
    throw error;
  }
}

/** condition id → factor → level, decoded once per condition rather than once per session row. */
function levelsByCondition(rows: readonly SessionScaleRow[]): Map<string, Readonly<Record<string, string>>> {
  const decoded = new Map<string, Readonly<Record<string, string>>>();
  for (const row of rows) if (!decoded.has(row.conditionId)) decoded.set(row.conditionId, conditionLevels(row.conditionId));
  return decoded;
}

function cells(rows: readonly SessionScaleRow[], conditions: readonly string[]): CellSummary[] {
  return conditions.map((conditionId) => ({ conditionId, levels: conditionLevels(conditionId), ...summarise(rows.filter((row) => row.conditionId === conditionId)) }));
}

function levelSummaries(rows: readonly SessionScaleRow[], factors: readonly FactorSpec[]): LevelSummary[] {
  const levelsOf = levelsByCondition(rows);
  return factors.flatMap((factor) => factor.levels.map((levelId) => ({
    factorId: factor.id, levelId, ...summarise(rows.filter((row) => levelsOf.get(row.conditionId)?.[factor.id] === levelId)),
  })));
}

function ancova(post: readonly SessionScaleRow[], pre: readonly SessionScaleRow[] | undefined, factors: readonly FactorSpec[]): ModelOutcome | null {
  if (!pre || pre.length === 0) return null;
  const before = new Map(pre.map((row) => [row.sessionId, row.mean]));
  const levelsOf = levelsByCondition(post);
  const rows = post.map((row) => ({ y: row.mean, levels: levelsOf.get(row.conditionId) ?? {}, covariate: before.get(row.sessionId) ?? null }));
  return fitModel(() => factorialModel({ rows, factors, covariate: true }));
}

/**
 * Everything reported for one scale in one phase, on session scores (the dyad is the unit):
 * descriptives per condition cell and per factor level, the factorial model (type III), Hedges' g
 * per two-level factor, ICC(1) from the members, and for post scores the ANCOVA on the pre score.
 */
export function scaleResult(rows: readonly SessionScaleRow[], pre: readonly SessionScaleRow[] | undefined, factors: readonly FactorSpec[], conditions: readonly string[]): ScaleResult {
  const first = rows[0];
  if (!first) throw new Error('scaleResult needs at least one session row');
  const levelsOf = levelsByCondition(rows);
  const modelRows = rows.map((row) => ({ y: row.mean, levels: levelsOf.get(row.conditionId) ?? {} }));
  return {
    instrumentId: first.instrumentId, instrumentVersion: first.instrumentVersion, scale: first.scale, phase: first.phase,
    cells: cells(rows, conditions),
    levels: levelSummaries(rows, factors),
    model: fitModel(() => factorialModel({ rows: modelRows, factors })),
    effects: twoLevelComparisons(modelRows, factors).map((comparison) => ({ factorId: comparison.factor, levels: comparison.levels, hedges: comparison.hedges, welch: comparison.welch })),
    icc: icc1FromSummaries(rows.map((row) => ({ n: row.members, mean: row.mean, ss: row.ss }))),
    ancova: first.phase === 'post' ? ancova(rows, pre, factors) : null,
  };
}

/** Groups session rows by (instrument, version, scale, phase), keeping the database's order. */
export function byScale(rows: readonly SessionScaleRow[]): Map<string, SessionScaleRow[]> {
  const groups = new Map<string, SessionScaleRow[]>();
  for (const row of rows) {
    const key = scaleKey(row.instrumentId, row.instrumentVersion, row.scale, row.phase);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export function scaleKey(instrumentId: string, version: number, scale: string, phase: ResultPhase): string {
  return `${instrumentId}@${version}/${scale}/${phase}`;
}
