// The HTTP journeys benchmarks need for their set-up, through the real API.
async function expectOk(res, what) {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

export async function researcher(apiUrl, credentials) {
  const res = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const body = await expectOk(res, 'login');
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method, path, payload) =>
    expectOk(
      await fetch(`${apiUrl}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      }),
      `${method} ${path}`,
    );
}

/** A launched study from a template; `patch(design)` may adjust the design before launch. */
export async function launchedStudy(call, templateId, patch = (design) => design) {
  const study = await call('POST', '/api/studies', { title: `bench ${templateId}`, templateId });
  await call('PUT', `/api/studies/${study.id}`, { design: patch(study.design) });
  await call('POST', `/api/studies/${study.id}/launch`);
  return call('GET', `/api/studies/${study.id}`);
}

/** A participant's phone: `call(method, path, body, headers)`; `call.retarget(url)` talks to another server. */
export function participantCall(apiUrl, token) {
  const call = async (method, path, payload, headers = {}) =>
    fetch(`${apiUrl}/api/participant/${path}`, {
      method,
      headers: { 'x-participant-token': token, 'content-type': 'application/json', ...headers },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  call.retarget = (otherUrl) => participantCall(otherUrl, token);
  return call;
}

export async function join(apiUrl, seatSecret) {
  const res = await fetch(`${apiUrl}/api/participant/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seatSecret }),
  });
  return (await expectOk(res, 'join')).token;
}

/** Joins a seat link and consents; returns the participant's call function. */
export async function seated(apiUrl, joinPath, consentVersion) {
  const token = await join(apiUrl, joinPath.split('/').pop());
  const call = participantCall(apiUrl, token);
  await expectOk(await call('POST', 'consent', { consentVersion, agree: true }), 'consent');
  return call;
}

export { expectOk };

/** Runs `work` over `items` with at most `concurrency` in flight (set-up only, not measured). */
export async function inBatches(items, concurrency, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}
