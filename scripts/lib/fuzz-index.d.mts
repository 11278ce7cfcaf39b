// Types for the API's TypeScript tests, which run the same fuzz cases in-process.
export interface FuzzCase {
  readonly id: number;
  readonly op: string;
  readonly caller: string;
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly unknownField: boolean;
}

export interface FuzzContext {
  readonly callers: Record<string, Record<string, string>>;
  readonly ids: Record<string, string | string[]>;
  readonly bodies: Record<string, unknown>;
  readonly bodyLimitBytes: number;
}

export interface FuzzFailure {
  readonly id: number;
  readonly op: string;
  readonly caller: string;
  readonly kind: string;
  readonly path: string;
  readonly reason: string;
}

export interface FuzzSummary {
  requests: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  serverErrors: number;
  nonProblem4xx: number;
  unknownAccepted: number;
  failures: FuzzFailure[];
}

export const CALLERS: readonly string[];
export function generateCases(doc: unknown, options: { seed: number; count: number; context: FuzzContext }): FuzzCase[];
export function verdict(testCase: FuzzCase, status: number, contentType: string): string | null;
export function runCases(
  baseUrl: string,
  cases: readonly FuzzCase[],
  options?: { concurrency?: number; onProgress?: (summary: FuzzSummary) => void },
): Promise<FuzzSummary>;
export function prepareFuzz(
  baseUrl: string,
  admin: { email: string; password: string },
  options: { bodyLimitBytes: number },
): Promise<FuzzContext>;
export function fuzzReport(
  summary: FuzzSummary,
  cases: readonly FuzzCase[],
  options: { seed: number; seconds: number; target: string },
): FuzzSummary & Record<string, unknown>;
export interface FuzzOperation {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly pathParams: ReadonlyArray<{ readonly name: string; readonly schema?: unknown }>;
  readonly queryParams: ReadonlyArray<{ readonly name: string; readonly required?: boolean; readonly schema?: unknown }>;
  readonly bodySchema: unknown;
}
export function operations(doc: unknown): FuzzOperation[];
export function sample(doc: unknown, schema: unknown): unknown;
