// Sends fuzz cases to an API over HTTP and judges each answer. A failure is any 5xx, any 4xx that
// is not application/problem+json, or a 2xx to a body carrying an unknown field.

/** Why an answer is wrong, or null when it is acceptable. */
export function verdict(testCase, status, contentType) {
  if (status >= 500) return `${status} server error`;
  if (status >= 400 && !/^application\/problem\+json/.test(contentType ?? ''))
    return `${status} without application/problem+json (${contentType || 'no content type'})`;
  if (testCase.unknownField && status >= 200 && status < 300) return `${status}: an unknown field was accepted`;
  return null;
}

async function send(baseUrl, testCase) {
  try {
    const res = await fetch(`${baseUrl}${testCase.path}`, {
      method: testCase.method,
      headers: testCase.headers,
      body: testCase.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    // Read the whole answer, so the connection is reused and a truncated body would show.
    await res.arrayBuffer();
    return { status: res.status, contentType: res.headers.get('content-type') ?? '' };
  } catch (error) {
    // A reset connection is the server failing too; count it as such.
    return { status: 599, contentType: '', error: error.cause?.code ?? error.name };
  }
}

/** Runs every case, `concurrency` at a time; returns the figures and the failures. */
export async function runCases(baseUrl, cases, { concurrency = 8, onProgress } = {}) {
  const summary = { requests: 0, byStatus: {}, byKind: {}, serverErrors: 0, nonProblem4xx: 0, unknownAccepted: 0, failures: [] };
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const testCase = cases[next];
      next += 1;
      const { status, contentType, error } = await send(baseUrl, testCase);
      summary.requests += 1;
      summary.byStatus[status] = (summary.byStatus[status] ?? 0) + 1;
      summary.byKind[testCase.kind] = (summary.byKind[testCase.kind] ?? 0) + 1;
      const reason = verdict(testCase, status, contentType);
      if (status >= 500) summary.serverErrors += 1;
      else if (status >= 400 && reason) summary.nonProblem4xx += 1;
      else if (reason) summary.unknownAccepted += 1;
      if (reason)
        summary.failures.push({
          id: testCase.id,
          op: testCase.op,
          caller: testCase.caller,
          kind: testCase.kind,
          path: testCase.path.slice(0, 200),
          reason: error ? `${reason} (${error})` : reason,
        });
      if (onProgress && summary.requests % 1000 === 0) onProgress(summary);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summary;
}

/** The figures kept in bench/results/fuzz.json (the first 100 failures, each replayable by seed and id). */
export function fuzzReport(summary, cases, { seed, seconds, target }) {
  return {
    date: new Date().toISOString(),
    target,
    seed,
    operations: new Set(cases.map((c) => c.op)).size,
    callers: [...new Set(cases.map((c) => c.caller))],
    seconds,
    ...summary,
    failures: summary.failures.slice(0, 100),
  };
}
