import type { ValidationError } from 'class-validator';
import { CommonErrors } from './common.errors';
import type { FieldIssue } from './domain-error';

// class-validator's constraint names, turned into stable codes clients can switch on.
const CODE_OVERRIDES: Record<string, string> = {
  whitelistValidation: 'UNKNOWN_FIELD',
  isDefined: 'REQUIRED',
  nestedValidation: 'INVALID',
};

function toCode(constraint: string): string {
  return CODE_OVERRIDES[constraint] ?? constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** `a.b`, `a[0]`: the field paths problem+json `errors` use everywhere. */
export function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

function flatten(errors: readonly ValidationError[], parent: string, out: FieldIssue[]): void {
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ path, code: toCode(constraint), message });
    }
    if (error.children?.length) flatten(error.children, path, out);
  }
}

export function toFieldIssues(errors: readonly ValidationError[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  flatten(errors, '', out);
  return out;
}

/** 400 VALIDATION_FAILED naming every field in `issues`: the one shape of an invalid request. */
export function validationFailed(issues: FieldIssue[]): InstanceType<typeof CommonErrors> {
  const fields = [...new Set(issues.map((issue) => issue.path))].join(', ');
  return new CommonErrors('VALIDATION_FAILED', { detail: `Invalid fields: ${fields}`, errors: issues });
}

/** exceptionFactory for the global ValidationPipe: a domain error, so one filter shapes every 400. */
export function validationExceptionFactory(errors: ValidationError[]): Error {
  return validationFailed(toFieldIssues(errors));
}
