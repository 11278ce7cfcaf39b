import { checkInstrument } from './check-instrument';
import { deepFreeze } from './deep-freeze';
import { InstrumentDefinitionError } from './definition-error';
import type { Instrument } from './types';

/**
 * Checks a definition and returns a deep-frozen copy of it. Throws InstrumentDefinitionError
 * listing every problem with its path. The checks run at runtime as well as in the type system,
 * because the same rules guard definitions that never saw a compiler (see parseInstrument).
 */
export function defineInstrument(definition: Instrument): Instrument {
  return parseInstrument(definition);
}

/** defineInstrument for data of unknown shape, e.g. an instrument read back from JSON. */
export function parseInstrument(value: unknown): Instrument {
  const problems = checkInstrument(value);
  if (problems.length > 0) throw new InstrumentDefinitionError(problems);
  // A copy, so that later edits of the caller's object cannot change a checked (and hashed)
  // instrument; the checks above guarantee that it is plain JSON data.
  return deepFreeze(JSON.parse(JSON.stringify(value)) as Instrument);
}
