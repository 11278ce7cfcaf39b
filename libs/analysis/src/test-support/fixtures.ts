// Typed access to the R reference fixtures (reference/generate-fixtures.R writes them).
import datasetsJson from '../../reference/fixtures/datasets.json';
import distributionsJson from '../../reference/fixtures/distributions.json';

export const datasetFixtures = datasetsJson as unknown as DatasetFixtures;
export const distributionFixtures = distributionsJson as unknown as DistributionFixtures;

export interface RDescriptives {
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}
export interface REstimate {
  estimate: number;
  se: number;
  t: number;
  df: number;
  p: number;
  ciLow: number;
  ciHigh: number;
}
export interface RModel {
  n: number;
  covariateMean: number | null;
  coefficients: { name: string; estimate: number; se: number; t: number; p: number }[];
  anova: { term: string; ss: number; df: number; f: number; p: number; partialEta2: number }[];
  residual: { ss: number; df: number; ms: number };
  cells: (REstimate & { levels: Record<string, string> })[];
  marginal: (REstimate & { factor: string; level: string })[];
  simpleEffects: (REstimate & { factor: string; at: { factor: string; level: string } })[] | null;
}
export interface RDataset {
  id: number;
  factors: { id: string; levels: string[] }[];
  individuals: { sessionId: string; levels: Record<string, string>; pre: number | null; post: number | null }[];
  sessionScores: { sessionId: string; mean: number | null; members: number }[];
  descriptives: {
    individuals: RDescriptives;
    cells: { levels: Record<string, string>; values: (number | null)[]; result: RDescriptives }[];
  };
  icc: { msb: number; msw: number; df1: number; df2: number; k: number; f: number; p: number; icc: number; ciLow: number; ciHigh: number };
  pairwiseIcc: { r: number; pairs: number };
  model: RModel;
  ancova: RModel | null;
  groupComparisons: {
    factor: string;
    a: number[];
    b: number[];
    hedges: {
      d: number;
      g: number;
      J: number;
      ciLow: number;
      ciHigh: number;
      exactCiLow: number;
      exactCiHigh: number;
      df: number;
      variance: number;
    };
    welch: {
      t: number;
      df: number;
      p: number;
      meanA: number;
      meanB: number;
      difference: number;
      se: number;
      ciLow: number;
      ciHigh: number;
    };
  }[];
  change: { participants: (number | null)[]; sessions: { sessionId: string; mean: number | null; members: number }[] };
}
interface DatasetFixtures {
  versions: Record<string, string>;
  datasets: RDataset[];
}
interface DistributionFixtures {
  versions: Record<string, string>;
  pt: { x: number; df: number; ncp: number; lower: number; upper: number }[];
  sampleSize: { d: number; alpha: number; power: number; pwrN: number; exactN: number; perGroup: number }[];
  power: { n1: number; n2: number; d: number; alpha: number; power: number; pwrTTest: number | null }[];
  d33: { n1: number; n2: number; pwrD: number; exactD: number }[];
  smallTelescopes: {
    original: { n1: number; n2: number };
    replication: { d: number; n1: number; n2: number };
    d33: number;
    se: number;
    z: number;
    p: number;
  }[];
}
