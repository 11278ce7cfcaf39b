// Types for the API's TypeScript tests, which run the feature-order check in-process.
export declare const API_ORDER: readonly string[];
export declare function importsOf(text: string): Generator<{ specifier: string; line: number }>;
export declare function apiLayerProblem(from: string, to: string): string | undefined;
export declare function apiLayerViolations(files: ReadonlyArray<{ readonly path: string; readonly text: string }>): string[];
