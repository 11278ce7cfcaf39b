import type { Schemas } from '@attune/api-client';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { ownerOf } from '../support/studies';

describe('API answers are never cached', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('sends Cache-Control: no-store on JSON, problems and downloads alike', async () => {
    const owner = await ownerOf(app);
    const created = (await owner.call('post', '/api/studies').send({ title: 'Cache', templateId: 'phone_only' }).expect(201))
      .body as Schemas['StudyResponse'];
    const answers: Array<[string, request.Response]> = [
      ['health', await request(app.http).get('/api/health').expect(200)],
      ['study', await owner.call('get', `/api/studies/${created.id}`).expect(200)],
      ['401 problem', await request(app.http).get('/api/participant/state').expect(401)],
      [
        'malformed JSON problem',
        await request(app.http).post('/api/auth/login').set('content-type', 'application/json').send('{"email":').expect(400),
      ],
      ['power', await owner.call('get', '/api/power?d=0.5&alpha=0.05&power=0.8&icc=0.3&groupSize=2').expect(200)],
      ['codebook download', await owner.call('get', `/api/studies/${created.id}/exports/codebook.json`).expect((res) => res.status < 500)],
    ];
    for (const [what, res] of answers) expect([what, res.headers['cache-control']]).toEqual([what, 'no-store']);
  });
});
