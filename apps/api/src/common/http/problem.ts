import type { FastifyReply } from 'fastify';
import type { FieldIssue } from '../errors/domain-error';

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly errors?: readonly FieldIssue[];
  readonly requestId: string;
}

export function problemType(code: string): string {
  return `urn:attune:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function sendProblem(reply: FastifyReply, body: ProblemBody, headers: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  void reply.status(body.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}
