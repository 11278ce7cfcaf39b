// Load generators with bounded work: every run has a fixed list of requests and stops by itself.
import { summarise } from './stats.mjs';

async function timed(send) {
  const started = performance.now();
  const ok = await send().then(
    (res) => res.ok,
    () => false,
  );
  return { ms: performance.now() - started, ok };
}

/** Closed loop: `concurrency` workers take the next request until the list is empty. */
export async function closedLoop(requests, concurrency) {
  const latencies = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const send = requests[next++];
      const { ms, ok } = await timed(send);
      latencies.push(ms);
      if (!ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarise(latencies, performance.now() - started, errors);
}

/** Open loop at a fixed rate: requests start on schedule whether or not earlier ones finished. */
export async function openLoop(requests, ratePerSecond) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const pending = requests.map(
    (send, i) =>
      new Promise((resolve) => {
        setTimeout(
          async () => {
            const { ms, ok } = await timed(send);
            latencies.push(ms);
            if (!ok) errors += 1;
            resolve();
          },
          (i * 1000) / ratePerSecond,
        );
      }),
  );
  await Promise.all(pending);
  return summarise(latencies, performance.now() - started, errors);
}

/** Fires every request at once (bounded by the list) and waits for all of them. */
export async function burst(requests) {
  return closedLoop(requests, requests.length);
}
