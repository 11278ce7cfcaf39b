import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsNumberMap, IsStringMap, Nested, NestedList, Omittable } from '../common/http/validators';
import { SCHEMES, type Scheme } from '../randomisation/allocation-sequence';
import type { Completion, DropoutPolicy, Localized, StudyDesign } from './study-design';

const ID = /^[a-z][a-z0-9_]{0,39}$/;
const ID_MESSAGE = 'must be lowercase letters, digits and _ (starting with a letter, at most 40)';
const LOCALIZED = { type: 'object', additionalProperties: { type: 'string' }, example: { en: 'text' } } as const;
// Participant-facing text per language: one key per study language (at most 10), each a string.
const IsLocalized = () => IsStringMap({ maxKeys: 10, maxKeyLength: 16, maxLength: 20000 });

export class LevelDesignDto {
  @ApiProperty() @Matches(ID, { message: `id ${ID_MESSAGE}` }) id: string;
  @ApiProperty() @IsString() @Length(1, 200) label: string;
  @ApiPropertyOptional(LOCALIZED) @Omittable() @IsLocalized() instructions?: Localized;
  @ApiPropertyOptional(LOCALIZED) @Omittable() @IsLocalized() topicPrompt?: Localized;
  @ApiPropertyOptional({
    description: 'What the research assistant prepares for this level; shown only on the lab console',
    example: 'Place the study phone face down on the desk to the side.',
  })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  setup?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'What this level puts in the room, by manipulation-check probe',
    example: { table_object: 'phone' },
  })
  @Omittable()
  @IsStringMap({ maxKeys: 20, maxLength: 40 })
  sets?: Record<string, string>;
}

export class FactorDesignDto {
  @ApiProperty() @Matches(ID, { message: `id ${ID_MESSAGE}` }) id: string;
  @ApiProperty() @IsString() @Length(1, 200) label: string;
  @ApiPropertyOptional() @Omittable() @IsBoolean() exploratory?: boolean;
  @ApiProperty({ type: [LevelDesignDto] }) @ArrayMinSize(2) @ArrayMaxSize(8) @NestedList(() => LevelDesignDto) levels: LevelDesignDto[];
}

export class CovariateLevelDto {
  @ApiProperty() @Matches(ID, { message: `id ${ID_MESSAGE}` }) id: string;
  @ApiProperty() @IsString() @Length(1, 200) label: string;
  @ApiPropertyOptional(LOCALIZED) @Omittable() @IsLocalized() text?: Localized;
}

export class CovariateDesignDto {
  @ApiProperty() @Matches(ID, { message: `id ${ID_MESSAGE}` }) id: string;
  @ApiProperty() @IsString() @Length(1, 200) label: string;
  @ApiProperty({ enum: ['observed', 'participant'] }) @IsIn(['observed', 'participant']) source: 'observed' | 'participant';
  @ApiPropertyOptional(LOCALIZED) @Omittable() @IsLocalized() question?: Localized;
  @ApiPropertyOptional({
    enum: ['partner'],
    description: 'partner: asked only once the participant is seated with the partner the question is about',
  })
  @Omittable()
  @IsIn(['partner'])
  relation?: 'partner';
  @ApiProperty({ type: [CovariateLevelDto] })
  @ArrayMinSize(2)
  @ArrayMaxSize(12)
  @NestedList(() => CovariateLevelDto)
  levels: CovariateLevelDto[];
}

export class RandomisationDto {
  @ApiProperty({ enum: SCHEMES }) @IsIn(SCHEMES) scheme: Scheme;
  @ApiProperty({ type: [Number], example: [1, 2, 3] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(10, { each: true })
  blockMultipliers: number[];
}

export class InstrumentRefDto {
  @ApiProperty({ example: 'ios' }) @IsString() @Length(1, 64) id: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(1_000_000) version: number;
}

export class InstrumentsDto {
  @ApiProperty({ type: [InstrumentRefDto] }) @ArrayMaxSize(12) @NestedList(() => InstrumentRefDto) pre: InstrumentRefDto[];
  @ApiProperty({ type: [InstrumentRefDto] }) @ArrayMaxSize(12) @NestedList(() => InstrumentRefDto) post: InstrumentRefDto[];
}

export class ConversationDto {
  @ApiProperty({ example: 600 }) @IsInt() @Min(30) @Max(7200) durationSeconds: number;
  @ApiProperty(LOCALIZED) @IsLocalized() instructions: Localized;
}

export class ConsentDto {
  @ApiProperty({ example: '1' }) @IsString() @Length(1, 40) version: string;
  @ApiProperty(LOCALIZED) @IsLocalized() text: Localized;
}

export class CompletionDto {
  @ApiProperty({ enum: ['code', 'redirect'] }) @IsIn(['code', 'redirect']) kind: 'code' | 'redirect';
  @ApiPropertyOptional({ example: 'C1A2B3' }) @Omittable() @IsString() @Matches(/^[A-Za-z0-9_-]{1,40}$/) code?: string;
  @ApiPropertyOptional({ example: 'https://app.prolific.com/submissions/complete?cc=C1A2B3' })
  @Omittable()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;
}

export class WithdrawalDto {
  @ApiProperty({
    example: 30,
    description: 'Days after the study closes during which a participant may still withdraw their data (state it in the consent text)',
  })
  @IsInt()
  @Min(0)
  @Max(3650)
  daysAfterClose: number;
}

export class StudyDesignDto {
  @ApiProperty({ type: [FactorDesignDto] }) @ArrayMinSize(1) @ArrayMaxSize(4) @NestedList(() => FactorDesignDto) factors: FactorDesignDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  @IsNumberMap({ maxKeys: 4096, maxKeyLength: 400 })
  conditionWeights: Record<string, number>;
  @ApiProperty({ type: [CovariateDesignDto] }) @ArrayMaxSize(8) @NestedList(() => CovariateDesignDto) covariates: CovariateDesignDto[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(4) @IsString({ each: true }) stratifyBy: string[];
  @ApiProperty({ enum: [1, 2, 3], example: 2 }) @IsInt() @IsIn([1, 2, 3]) sessionSize: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(100000) targetSessionsPerCondition: number;
  @ApiProperty({ type: RandomisationDto }) @Nested(() => RandomisationDto) randomisation: RandomisationDto;
  @ApiProperty({ enum: ['keep_as_randomised', 'reform_remaining'] })
  @IsIn(['keep_as_randomised', 'reform_remaining'])
  dropoutPolicy: DropoutPolicy;
  @ApiProperty({ type: InstrumentsDto }) @Nested(() => InstrumentsDto) instruments: InstrumentsDto;
  @ApiProperty({ type: ConversationDto }) @Nested(() => ConversationDto) conversation: ConversationDto;
  @ApiProperty({ type: ConsentDto }) @Nested(() => ConsentDto) consent: ConsentDto;
  @ApiProperty({ type: [String], example: ['en'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { each: true })
  languages: string[];
  @ApiProperty({ type: CompletionDto }) @Nested(() => CompletionDto) completion: CompletionDto;
  @ApiPropertyOptional({ type: WithdrawalDto, description: 'Absent: withdrawal is possible until 30 days after the study closes' })
  @Omittable()
  @Nested(() => WithdrawalDto)
  withdrawal?: WithdrawalDto;
}

/**
 * The DTO after validation is structurally the stored design, but made of class instances: copied
 * to plain data (structuredClone drops prototypes), since the protocol's canonical JSON refuses
 * anything that is not plain.
 */
export function toDesign(dto: StudyDesignDto): StudyDesign {
  const completion: Completion =
    dto.completion.kind === 'code'
      ? { kind: 'code', code: dto.completion.code ?? '' }
      : { kind: 'redirect', url: dto.completion.url ?? '' };
  return structuredClone({ ...dto, completion }) as StudyDesign;
}
