// Latency statistics over a plain array of milliseconds.
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarise(latencies, elapsedMs, errors) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value) => Math.round(value * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    elapsedMs: round(elapsedMs),
    throughput: round((latencies.length / elapsedMs) * 1000),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}
