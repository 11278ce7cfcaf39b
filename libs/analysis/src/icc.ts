// Dependence between members of a session. Members of a dyad influence each other (Kenny, Kashy
// & Cook 2006), so the ICC is reported next to every session-level analysis.
import { mean, sumOfSquares } from './descriptives';
import { pfUpper, qf } from './distributions';

export interface Icc1 {
  sessions: number;
  participants: number;
  /** Members per session; for unequal sessions the adjusted mean k0 = (N − Σnᵢ²/N)/(a − 1). */
  k: number;
  msb: number;
  msw: number;
  df1: number;
  df2: number;
  f: number;
  p: number;
  icc: number;
  ciLow: number;
  ciHigh: number;
}

/** One session as ICC(1) needs it: its member count, mean and within-session sum of squares. */
export interface SessionSummary {
  n: number;
  mean: number;
  /** Σ (xᵢ − mean)² over the session's members. */
  ss: number;
}

/**
 * ICC(1) from a one-way ANOVA of members' scores on session: (MSB − MSW)/(MSB + (k − 1)MSW), with
 * the F-based 95 % CI of Shrout & Fleiss (1979). R: `anova(lm(y ~ factor(session)))`.
 * `groups` holds each session's non-missing member scores; empty sessions are ignored. null when
 * there are fewer than two sessions or no session with two members.
 */
export function icc1(groups: readonly (readonly number[])[]): Icc1 | null {
  return icc1FromSummaries(
    groups
      .filter((g) => g.length > 0)
      .map((g) => {
        const m = mean(g);
        return { n: g.length, mean: m, ss: sumOfSquares(g, m) };
      }),
  );
}

/**
 * The same ICC(1) from per-session sufficient statistics (n, mean, within-session SS), so a
 * database can aggregate the members and send only session rows: MSB = Σnᵢ(meanᵢ − grand)²/(a − 1),
 * MSW = Σssᵢ/(N − a). `icc1` is this function applied to summaries of its groups, so both are
 * checked against R by the same fixtures.
 */
export function icc1FromSummaries(sessions: readonly SessionSummary[]): Icc1 | null {
  return icc1FromGroups(sessions.map((s) => ({ sessions: 1, members: s.n, squaredSizes: s.n ** 2, mean: s.mean, ss: s.ss })));
}

/** Sessions that share one session mean (a database groups them), summed. */
export interface SessionGroup {
  sessions: number;
  /** Σ nᵢ over the group's sessions. */
  members: number;
  /** Σ nᵢ², for k0. */
  squaredSizes: number;
  /** The session mean every session of the group has. */
  mean: number;
  /** Σ ssᵢ, the within-session sums of squares. */
  ss: number;
}

/**
 * ICC(1) from groups of sessions with equal means: the sums MSB, MSW and k0 need are sums over
 * sessions, so sessions with the same mean add up exactly (SSB still uses deviations from the
 * grand mean, not Σnm² − N·grand²). Empty groups are ignored.
 */
export function icc1FromGroups(groups: readonly SessionGroup[]): Icc1 | null {
  const used = groups.filter((g) => g.members > 0);
  const sessions = used.reduce((sum, g) => sum + g.sessions, 0);
  const participants = used.reduce((sum, g) => sum + g.members, 0);
  const df1 = sessions - 1;
  const df2 = participants - sessions;
  if (df1 < 1 || df2 < 1) return null;
  const grand = used.reduce((sum, g) => sum + g.members * g.mean, 0) / participants;
  const ssb = used.reduce((sum, g) => sum + g.members * (g.mean - grand) ** 2, 0);
  const ssw = used.reduce((sum, g) => sum + g.ss, 0);
  const msb = ssb / df1;
  const msw = ssw / df2;
  const k = (participants - used.reduce((sum, g) => sum + g.squaredSizes, 0) / participants) / df1;
  const f = msb / msw;
  const fl = f / qf(0.975, df1, df2);
  const fu = f * qf(0.975, df2, df1);
  return {
    sessions,
    participants,
    k,
    msb,
    msw,
    df1,
    df2,
    f,
    p: pfUpper(f, df1, df2),
    icc: (msb - msw) / (msb + (k - 1) * msw),
    ciLow: (fl - 1) / (fl + k - 1),
    ciHigh: (fu - 1) / (fu + k - 1),
  };
}

export interface PairwiseIcc {
  r: number;
  /** Ordered pairs of members (2 per dyad, 6 per triad). */
  pairs: number;
}

/**
 * Pairwise ICC for indistinguishable members (Griffin & Gonzalez 1995): the Pearson correlation
 * over every ordered pair of members of a session (the double-entry, "pairwise" data set).
 * R: `cor(pairs$x, pairs$x_partner)`. null with no session of two or more.
 */
export function pairwiseIcc(groups: readonly (readonly number[])[]): PairwiseIcc | null {
  const xs: number[] = [];
  const partners: number[] = [];
  for (const g of groups) {
    g.forEach((x, i) =>
      g.forEach((partner, j) => {
        if (i === j) return;
        xs.push(x);
        partners.push(partner);
      }),
    );
  }
  if (xs.length < 2) return null;
  return { r: correlation(xs, partners), pairs: xs.length };
}

function correlation(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  x.forEach((v, i) => (sxy += (v - mx) * ((y[i] ?? Number.NaN) - my)));
  return sxy / Math.sqrt(sumOfSquares(x, mx) * sumOfSquares(y, my));
}
