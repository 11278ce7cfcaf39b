import type { Schemas } from '@attune/api-client';
import request from 'supertest';
import type { TestApp } from './app';

/** One arrival of a concurrency crowd: by seat link (lab) or study link (online), with the partner answer it will give. */
export interface Journey {
  readonly join: { seatSecret: string } | { studyCode: string };
  readonly acquainted: string;
}

/**
 * Join and consent, spread over API instances by `server`; lab members (seated from the start) also
 * answer the partner question now, online ones once paired (`answer`).
 */
export function crowdJourney(server: () => TestApp['http']) {
  async function answer(token: string, journey: Journey): Promise<void> {
    await request(server())
      .post('/api/participant/covariates')
      .set('X-Participant-Token', token)
      .send({ values: { acquainted: journey.acquainted } })
      .expect(204);
  }
  async function run(journey: Journey): Promise<string> {
    const joined = await request(server()).post('/api/participant/join').send(journey.join).expect(201);
    const token = (joined.body as Schemas['JoinResponse']).token;
    await request(server())
      .post('/api/participant/consent')
      .set('X-Participant-Token', token)
      .send({ consentVersion: '1', agree: true })
      .expect(204);
    if ('seatSecret' in journey.join) await answer(token, journey);
    return token;
  }
  return { run, answer };
}
