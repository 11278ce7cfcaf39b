import type { Response } from 'express';
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

export function sendProblem(res: Response, body: ProblemBody, headers: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}
