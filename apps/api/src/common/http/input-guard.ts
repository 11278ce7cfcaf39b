import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { FieldIssue } from '../errors/domain-error';
import { joinPath, validationFailed } from '../errors/validation';

/**
 * No request body of this API nests deeper than a study design (about 6 levels). class-transformer
 * and class-validator recurse, so a 5,000-level body would overflow their stack: refuse it first.
 */
export const MAX_BODY_DEPTH = 16;

// JSON.parse keeps these as own keys; class-transformer then drops them silently, and elsewhere
// they can reach an object's prototype. A body naming one is refused as an unknown field.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A UTF-16 surrogate without its partner: PostgreSQL refuses it in text and jsonb, and
// validator.js's email check throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textIssue(path: string, text: string): FieldIssue | undefined {
  // PostgreSQL text and jsonb cannot hold U+0000.
  if (text.includes('\u0000')) return { path, code: 'NUL_CHARACTER', message: 'must not contain the NUL character (U+0000)' };
  if (LONE_SURROGATE.test(text))
    return { path, code: 'LONE_SURROGATE', message: 'must be valid Unicode (a lone UTF-16 surrogate was found)' };
  return undefined;
}

function keyIssue(parent: string, key: string): FieldIssue | undefined {
  const path = joinPath(parent, key);
  if (FORBIDDEN_KEYS.has(key)) return { path, code: 'UNKNOWN_FIELD', message: `property ${key} should not exist` };
  return textIssue(path, key);
}

interface Frame {
  readonly value: unknown;
  readonly path: string;
  readonly depth: number;
}

/**
 * Every problem with the shape of parsed input that no DTO can be trusted to catch, found by an
 * explicit stack (never recursion, so depth itself cannot hurt). Stops at the first too-deep branch.
 */
export function inputIssues(root: unknown, rootPath = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: Frame[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0 && issues.length < 50) {
    const { value, path, depth } = stack.pop() as Frame;
    if (typeof value === 'string') {
      const issue = textIssue(path || 'body', value);
      if (issue) issues.push(issue);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return [{ path: path || 'body', code: 'TOO_DEEP', message: `nests deeper than ${MAX_BODY_DEPTH} levels` }];
    for (const [key, child] of Object.entries(value)) {
      const issue = Array.isArray(value) ? undefined : keyIssue(path, key);
      if (issue) issues.push(issue);
      stack.push({ value: child, path: joinPath(path, key), depth: depth + 1 });
    }
  }
  return issues;
}

function urlIssue(req: FastifyRequest): FieldIssue | undefined {
  // Percent-encoded NUL in a path segment would reach route parameters (and the database) decoded.
  const pathname = req.url.split('?', 1)[0] ?? '';
  return /%00/i.test(pathname)
    ? { path: 'url', code: 'NUL_CHARACTER', message: 'the path must not contain the NUL character (U+0000)' }
    : undefined;
}

/** A hook after the body parser: refuses hostile bodies, queries and paths before any pipe runs. */
export function inputGuard() {
  return (req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const url = urlIssue(req);
    const issues = url ? [url] : [...inputIssues(req.query as unknown), ...inputIssues(req.body as unknown)];
    done(issues.length === 0 ? undefined : validationFailed(issues));
  };
}
