/** One thing wrong with an instrument definition, e.g. `items[3].text.de: missing translation`. */
export interface DefinitionProblem {
  /** Where, in JSON-path style: `items[3].options[0].value`, `scales[1].items[2]`. */
  readonly path: string;
  readonly message: string;
}

/** Thrown by defineInstrument; lists every problem found, not only the first. */
export class InstrumentDefinitionError extends Error {
  readonly problems: readonly DefinitionProblem[];

  constructor(problems: readonly DefinitionProblem[]) {
    const lines = problems.map((problem) => `  ${problem.path}: ${problem.message}`);
    super(`Invalid instrument definition (${problems.length} problems):\n${lines.join('\n')}`);
    this.name = 'InstrumentDefinitionError';
    this.problems = problems;
  }
}
