import { Injectable, type PipeTransform } from '@nestjs/common';
import type { FieldIssue } from '../common/errors/domain-error';
import { validationFailed } from '../common/errors/validation';
import { PHASES } from './phase-instruments';
import type { Phase } from './response.entity';

/** The submit body as the service takes it: instrument id → (item id → answer). */
export interface SubmittedAnswers {
  readonly answers: Record<string, Record<string, unknown>>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The submit body, checked here instead of by the global ValidationPipe. Its one field is judged
 * item by item by libs/survey in the service, so the pipe's deep copy of every answer
 * (class-transformer) and its metadata scan (class-validator) checked nothing more, on the busiest
 * route there is (bench submit). Refusals have the ValidationPipe's shape and codes: 400
 * VALIDATION_FAILED naming each field. The input guard has already refused NUL, lone surrogates,
 * prototype keys and deep nesting.
 */
@Injectable()
export class SubmitBodyPipe implements PipeTransform<unknown, SubmittedAnswers> {
  transform(body: unknown): SubmittedAnswers {
    if (!isObject(body)) throw validationFailed([{ path: 'body', code: 'IS_OBJECT', message: 'the body must be a JSON object' }]);
    const issues: FieldIssue[] = Object.keys(body)
      .filter((key) => key !== 'answers')
      .map((key) => ({ path: key, code: 'UNKNOWN_FIELD', message: `property ${key} should not exist` }));
    const { answers } = body;
    if (!isObject(answers)) issues.push({ path: 'answers', code: 'IS_OBJECT', message: 'answers must be an object' });
    if (issues.length > 0) throw validationFailed(issues);
    // Each instrument's answers are checked against the instrument itself (UNKNOWN_INSTRUMENT, INVALID_ANSWERS).
    return { answers: answers as Record<string, Record<string, unknown>> };
  }
}

/** The `:phase` path segment: pre or post, refused like a DTO's @IsIn would refuse it. */
@Injectable()
export class PhasePipe implements PipeTransform<unknown, Phase> {
  transform(value: unknown): Phase {
    if (typeof value === 'string' && (PHASES as readonly string[]).includes(value)) return value as Phase;
    throw validationFailed([{ path: 'phase', code: 'IS_IN', message: `phase must be one of the following values: ${PHASES.join(', ')}` }]);
  }
}
