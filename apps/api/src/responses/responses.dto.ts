import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsString, Length, ValidateIf } from 'class-validator';
import type { InstrumentAnswers } from './answers.service';
import { PHASES } from './phase-instruments';
import type { Phase } from './response.entity';
import type { SubmissionReceipt } from './submissions.service';

// Answers are passed on exactly as parsed from JSON: libs/survey judges them, and
// class-transformer must not rebuild (and so reshape) nested objects on the way.
const RAW = (property: string) => Transform(({ obj }: { obj: Record<string, unknown> }) => obj[property]);

export class PhaseParams {
  @ApiProperty({ enum: PHASES }) @IsIn(PHASES) phase: Phase;
}

export class AnswerParams extends PhaseParams {
  @ApiProperty({ example: 'ios' }) @IsString() @Length(1, 100) instrumentId: string;
  @ApiProperty({ example: 'ios', description: 'An unknown item id is a 400 with code UNKNOWN_ITEM' })
  @IsString()
  @Length(1, 100)
  itemId: string;
}

export class SaveAnswerRequest {
  @ApiProperty({
    description: 'The answer as libs/survey defines it per item kind (number, option value, list of option values, text); null clears it',
    nullable: true,
    oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  @RAW('value')
  @ValidateIf((body: SaveAnswerRequest) => body.value !== null)
  @IsDefined()
  value: unknown;
}

export class SubmitPhaseRequest {
  @ApiProperty({
    description:
      'Every instrument of the phase: instrument id → (item id → answer). The whole truth: nothing is merged from autosaved drafts',
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true },
    example: { ios: { ios: 5 } },
  })
  @RAW('answers')
  @IsObject()
  answers: Record<string, Record<string, unknown>>;
}

export class SavedAnswerResponse {
  @ApiProperty() itemId: string;
  @ApiProperty({ enum: [true] }) saved: true;

  static of(itemId: string): SavedAnswerResponse {
    return { itemId, saved: true };
  }
}

export class InstrumentAnswersResponse {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'item id → answer, as saved so far' }) answers: Record<
    string,
    unknown
  >;
  @ApiProperty() submitted: boolean;
}

export class PhaseAnswersResponse {
  @ApiProperty({ type: [InstrumentAnswersResponse] }) instruments: InstrumentAnswersResponse[];

  static of(instruments: readonly InstrumentAnswers[]): PhaseAnswersResponse {
    return { instruments: instruments.map((instrument) => ({ ...instrument })) };
  }
}

export class PhaseSubmittedResponse {
  @ApiProperty({ enum: PHASES }) phase: Phase;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;

  static of(receipt: SubmissionReceipt): PhaseSubmittedResponse {
    return { phase: receipt.phase, submittedAt: receipt.submittedAt };
  }
}
