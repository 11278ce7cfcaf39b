import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldIssue } from '../common/errors/domain-error';
import type { ProblemBody } from '../common/http/problem';

/**
 * The wire shape of common/http/problem.ts as OpenAPI schemas, so generated clients type error
 * bodies too. Documentation only: the filter builds the bodies, these classes are never instantiated.
 */
export class ProblemFieldIssue implements FieldIssue {
  @ApiProperty({ description: 'The field, as a path into the request: `a.b`, `a[0]`', example: 'design.conditions[0].weight' })
  path: string;

  @ApiProperty({
    description: 'Stable code to switch on (class-validator constraints upper-cased, or a domain code)',
    example: 'IS_NUMBER',
  })
  code: string;

  @ApiProperty({ description: 'Human-readable; may change, do not parse', example: 'weight must be a number' })
  message: string;
}

/**
 * The `conflict` member of a 409 `EDIT_CONFLICT` (studies/draft-edits.ts builds it). Kept with the
 * problem schema so openapi/ imports no feature.
 */
export class EditConflictDto {
  @ApiProperty({ description: "The draft's current revision" }) revision: number;
  @ApiProperty({ type: String, nullable: true, description: 'Email of who saved the latest edit' }) changedBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) changedAt: string | null;
  @ApiProperty({ type: [String], example: ['design.factors', 'title'], description: 'Parts changed since your revision' }) parts: string[];
}

export class Problem implements ProblemBody {
  @ApiProperty({ description: 'urn:attune:problem:<code in kebab case>', example: 'urn:attune:problem:validation-failed' })
  type: string;

  @ApiProperty({ description: 'Fixed per code', example: 'The request is not valid' })
  title: string;

  @ApiProperty({ description: 'The HTTP status, repeated', example: 400 })
  status: number;

  @ApiProperty({
    description: 'What went wrong, stable: switch on this. Each response lists the codes it can carry.',
    example: 'VALIDATION_FAILED',
  })
  code: string;

  @ApiPropertyOptional({ description: 'Specifics of this occurrence, human-readable', example: 'Invalid fields: title' })
  detail?: string;

  @ApiPropertyOptional({ type: [ProblemFieldIssue], description: 'One entry per invalid field (400s, and some 409s)' })
  errors?: ProblemFieldIssue[];

  @ApiPropertyOptional({
    type: EditConflictDto,
    description: 'On 409 `EDIT_CONFLICT` only: who saved the draft after your revision, when, and which parts',
  })
  conflict?: EditConflictDto;

  @ApiProperty({
    description: 'Also in the X-Request-Id header; quote it when reporting a problem',
    example: '0b6c1f9e-5d0a-4c1e-9a57-3f2d8e6b7c10',
  })
  requestId: string;
}
