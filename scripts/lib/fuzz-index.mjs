// The fuzz's one public face, for scripts/fuzz.mjs and the API's jest sample (test/http/fuzz.spec.ts).
export { CALLERS, generateCases } from './fuzz-cases.mjs';
export { fuzzReport, runCases, verdict } from './fuzz-run.mjs';
export { prepareFuzz } from './fuzz-setup.mjs';
export { operations, sample } from './fuzz-schema.mjs';
