// Prepares the callers and ids the fuzz needs, over the public API only: from an admin account it
// creates an owner, a researcher, an analyst and a stranger (each with a bearer token), a draft and
// a launched study with members, a lab session and a participant who joined a seat.
import { randomBytes } from 'node:crypto';

async function call(baseUrl, method, path, { headers = {}, body } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`fuzz setup: ${method} ${path} answered ${res.status} ${text.slice(0, 300)}`);
  return { json: text ? JSON.parse(text) : null, cookies: res.headers.getSetCookie().map((cookie) => cookie.split(';', 1)[0]) };
}

async function login(baseUrl, credentials) {
  const { json, cookies } = await call(baseUrl, 'POST', '/api/auth/login', { body: credentials });
  return { cookie: cookies.join('; '), 'x-csrf-token': json.csrfToken };
}

async function bearerFor(baseUrl, credentials) {
  const session = await login(baseUrl, credentials);
  const { json } = await call(baseUrl, 'POST', '/api/auth/tokens', { headers: session, body: { name: 'fuzz' } });
  return { authorization: `Bearer ${json.token}` };
}

async function createCallers(baseUrl, admin) {
  const adminSession = await login(baseUrl, admin);
  const callers = { none: {} };
  const emails = {};
  for (const name of ['owner', 'researcher', 'analyst', 'stranger']) {
    const credentials = {
      email: `fuzz-${name}-${randomBytes(4).toString('hex')}@example.org`,
      password: `fuzz ${randomBytes(12).toString('base64url')}`,
    };
    await call(baseUrl, 'POST', '/api/users', { headers: adminSession, body: credentials });
    callers[name] = await bearerFor(baseUrl, credentials);
    emails[name] = credentials.email;
  }
  return { callers, emails };
}

async function createStudies(baseUrl, owner, emails) {
  const draft = (
    await call(baseUrl, 'POST', '/api/studies', { headers: owner, body: { title: 'Fuzz draft', templateId: 'phone_seating' } })
  ).json;
  const launched = (
    await call(baseUrl, 'POST', '/api/studies', { headers: owner, body: { title: 'Fuzz launched', templateId: 'phone_only' } })
  ).json;
  await call(baseUrl, 'POST', `/api/studies/${launched.id}/launch`, { headers: owner });
  for (const study of [draft, launched]) {
    for (const role of ['researcher', 'analyst'])
      await call(baseUrl, 'POST', `/api/studies/${study.id}/members`, { headers: owner, body: { email: emails[role], role } });
  }
  return { draft, launched };
}

/** The fuzz context: callers' headers, path ids and a valid body per operation that needs one. */
export async function prepareFuzz(baseUrl, admin, { bodyLimitBytes }) {
  const { callers, emails } = await createCallers(baseUrl, admin);
  const { draft, launched } = await createStudies(baseUrl, callers.owner, emails);
  const session = (await call(baseUrl, 'POST', `/api/studies/${launched.id}/sessions`, { headers: callers.owner })).json;
  const seatSecret = session.seats[0].joinPath.split('/').pop();
  const joined = (await call(baseUrl, 'POST', '/api/participant/join', { body: { seatSecret } })).json;
  callers.participant = { 'x-participant-token': joined.token };
  // A token of the owner's that the fuzz may revoke without locking the owner out.
  const spare = (await call(baseUrl, 'POST', '/api/auth/tokens', { headers: callers.owner, body: { name: 'spare' } })).json;
  const design = (await call(baseUrl, 'GET', `/api/studies/${draft.id}`, { headers: callers.owner })).json.design;
  return {
    callers,
    bodyLimitBytes,
    // userId: nobody's, so no run removes a caller the other requests rely on.
    ids: {
      studyId: [draft.id, launched.id],
      sessionId: session.id,
      tokenId: spare.id,
      userId: '00000000-0000-4000-8000-000000000000',
      summaryId: '00000000-0000-4000-8000-000000000000',
      siteId: '00000000-0000-4000-8000-000000000000',
    },
    bodies: {
      'PUT /api/studies/{studyId}': { title: 'Fuzzed', design },
      'POST /api/studies/{studyId}/amendments': { design, reason: 'fuzz amendment' },
      'POST /api/studies/{studyId}/design-check': { design },
    },
  };
}
