import 'server-only';

/**
 * One JSON line on stderr, like the API's pino logs. Never pass tokens, participant paths (they
 * carry capability tokens) or answers.
 */
export function logServerError(message: string, fields: Readonly<Record<string, string>> = {}): void {
  process.stderr.write(`${JSON.stringify({ level: 'error', time: Date.now(), service: 'attune-dashboard', msg: message, ...fields })}\n`);
}
