import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from '../../src/common/logger';
import { problemHandler } from '../../src/common/http/problem.filter';
import { startTestApp, type TestApp } from '../support/app';

const SECRET = 'my-very-private-answer-4711';

/** A logger writing into a string, as the API's problem handler uses it for an unexpected error. */
function capturingLogger(): { logger: ReturnType<typeof createLogger>; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', stream), text: () => chunks.join('') };
}

describe('logs never carry the answers of a failed query', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('a failed insert is logged with its codes and names, without its text, parameters or detail', async () => {
    // A real failed insert: the participant does not exist, so the foreign key refuses it.
    const failure: unknown = await app.db.dataSource
      .query(
        `INSERT INTO response (study_id, session_id, participant_id, phase, instrument_id, instrument_version, protocol_version, consent_hash, answers)
       VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'pre', 'ios', 2, 1, $1, $2::jsonb)`,
        [SECRET, JSON.stringify({ ios: SECRET })],
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(QueryFailedError);
    const { logger, text } = capturingLogger();
    const res = { setHeader: () => res, status: () => res, type: () => res, send: () => res };
    problemHandler(logger)(failure, { id: 'test-request' } as never, res as never);
    logger.flush();
    await new Promise((resolve) => setImmediate(resolve));
    const logged = text();
    expect(logged).toContain('unhandled error');
    expect(logged).toContain('23503');
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain('INSERT INTO');
    expect(logged).not.toMatch(/Key \(/);
  });
});
