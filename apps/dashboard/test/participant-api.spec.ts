import { outcomeOf } from '@/lib/participant/participant-api';

// What openapi-fetch resolves to: the parsed body as `data` (2xx) or `error` (otherwise), and the response.
function result(status: number, body: unknown, headers: Record<string, string> = {}) {
  const response = new Response(null, { status, headers });
  return Promise.resolve(status < 300 ? { data: body, response } : { error: body, response });
}

describe('outcomeOf: a typed client call as the Outcome the phone decides on', () => {
  it('a 2xx is ok with its data and status', async () => {
    expect(await outcomeOf(result(201, { phase: 'pre' }))).toEqual({ kind: 'ok', status: 201, data: { phase: 'pre' } });
  });

  it("a problem+json refusal keeps the API's problem and reads Retry-After", async () => {
    const problem = { type: 'about:blank', title: 'Slow down', status: 429, code: 'RATE_LIMITED', requestId: 'r1' };
    expect(await outcomeOf(result(429, problem, { 'retry-after': '3' }))).toEqual({ kind: 'problem', problem, retryAfterMs: 3000 });
  });

  it('any other failure body (a proxy page) still becomes a problem to switch on', async () => {
    const outcome = await outcomeOf(result(502, '<html>Bad gateway</html>', { 'x-request-id': 'r2' }));
    expect(outcome).toMatchObject({ kind: 'problem', problem: { status: 502, code: 'SERVER_ERROR', requestId: 'r2' }, retryAfterMs: null });
  });

  it('a failed fetch is offline, never an exception', async () => {
    expect(await outcomeOf(Promise.reject(new TypeError('Failed to fetch')))).toEqual({ kind: 'offline' });
  });
});
