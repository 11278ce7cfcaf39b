import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { toBoolean, toInteger, toVersions } from '../common/http/query-transforms';
import { SITE_CODE_PATTERN, SITE_OPTION } from '../sites/site-rules';
import type { ResultsFilter } from './results.repository';
import type { StudyResults } from './results.service';

const NUM = { type: Number } as const;
const NUM_OR_NULL = { type: Number, nullable: true } as const;
const LEVELS = { type: 'object', additionalProperties: { type: 'string' }, description: 'factor id → level id' } as const;

/** Query options of GET …/results, typed as the flow and export options are; every one is echoed back in `filter`. */
export class ResultsQuery {
  @ApiPropertyOptional({ type: String, example: '1,2', description: 'Comma-separated protocol versions to include; default all' })
  @IsOptional()
  @Transform(toVersions)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(1_000_000, { each: true })
  protocol?: number[];

  @ApiPropertyOptional({
    type: Boolean,
    default: true,
    description: 'true: every allocated session with the data it has (as randomised, intention-to-treat); false: complete sessions only',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeIncomplete?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'true leaves out participants who failed any manipulation or attention check (per-protocol)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  perProtocol?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    default: 1,
    minimum: 1,
    maximum: 3,
    description: 'Minimum members contributing to a scale for a session to count',
  })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3)
  minMembers?: number;

  @ApiPropertyOptional(SITE_OPTION)
  @IsOptional()
  @Matches(SITE_CODE_PATTERN)
  site?: string;

  static toFilter(query: ResultsQuery): ResultsFilter {
    return {
      protocolVersions: query.protocol ? [...new Set(query.protocol)].sort((a, b) => a - b) : null,
      includeIncomplete: query.includeIncomplete ?? true,
      perProtocol: query.perProtocol ?? false,
      minMembers: query.minMembers ?? 1,
      site: query.site ?? null,
    };
  }
}

export class ResultsFilterDto {
  @ApiProperty({ type: [Number], nullable: true, description: 'null = every protocol version' }) readonly protocolVersions:
    readonly number[] | null;
  @ApiProperty() readonly includeIncomplete: boolean;
  @ApiProperty() readonly perProtocol: boolean;
  @ApiProperty() readonly minMembers: number;
  @ApiProperty({ type: String, nullable: true, description: 'The site the results are limited to (its code); null: every site, pooled' })
  readonly site: string | null;
}

export class FactorSpecDto {
  @ApiProperty() readonly id: string;
  @ApiProperty({ type: [String] }) readonly levels: readonly string[];
}

class GroupSummaryDto {
  @ApiProperty({ description: 'Sessions (the unit of analysis)' }) readonly sessions: number;
  @ApiProperty({ description: 'Members who contributed a score' }) readonly participants: number;
  @ApiProperty({ description: 'Sessions with a score (= sessions)' }) readonly n: number;
  @ApiProperty() readonly missing: number;
  @ApiProperty({ ...NUM_OR_NULL, description: 'Mean of session means' }) readonly mean: number | null;
  @ApiProperty({ ...NUM_OR_NULL, description: 'SD of session means (n − 1)' }) readonly sd: number | null;
  @ApiProperty(NUM_OR_NULL) readonly se: number | null;
  @ApiProperty({ ...NUM_OR_NULL, description: '95 % CI (t)' }) readonly ciLow: number | null;
  @ApiProperty(NUM_OR_NULL) readonly ciHigh: number | null;
  @ApiProperty(NUM_OR_NULL) readonly median: number | null;
  @ApiProperty(NUM_OR_NULL) readonly min: number | null;
  @ApiProperty(NUM_OR_NULL) readonly max: number | null;
}

export class CellSummaryDto extends GroupSummaryDto {
  @ApiProperty() readonly conditionId: string;
  @ApiProperty(LEVELS) readonly levels: Readonly<Record<string, string>>;
}

export class LevelSummaryDto extends GroupSummaryDto {
  @ApiProperty() readonly factorId: string;
  @ApiProperty() readonly levelId: string;
}

class CoefficientDto {
  @ApiProperty({ description: "R's name, e.g. phone1:topic1 (sum-to-zero contrasts)" }) readonly name: string;
  @ApiProperty() readonly term: string;
  @ApiProperty(NUM) readonly estimate: number;
  @ApiProperty(NUM) readonly se: number;
  @ApiProperty(NUM) readonly t: number;
  @ApiProperty(NUM) readonly p: number;
}

class AnovaRowDto {
  @ApiProperty({ description: 'Type III term, the intercept first (as car::Anova)' }) readonly term: string;
  @ApiProperty(NUM) readonly ss: number;
  @ApiProperty(NUM) readonly df: number;
  @ApiProperty(NUM) readonly f: number;
  @ApiProperty(NUM) readonly p: number;
  @ApiProperty({ ...NUM, description: 'SS_effect / (SS_effect + SS_residual)' }) readonly partialEta2: number;
}

class ResidualDto {
  @ApiProperty(NUM) readonly ss: number;
  @ApiProperty(NUM) readonly df: number;
  @ApiProperty(NUM) readonly ms: number;
}

class EstimateDto {
  @ApiProperty(NUM) readonly estimate: number;
  @ApiProperty(NUM) readonly se: number;
  @ApiProperty(NUM) readonly df: number;
  @ApiProperty(NUM) readonly ciLow: number;
  @ApiProperty(NUM) readonly ciHigh: number;
}

class CellMeanDto extends EstimateDto {
  @ApiProperty(LEVELS) readonly levels: Record<string, string>;
  @ApiProperty() readonly n: number;
}

class MarginalMeanDto extends EstimateDto {
  @ApiProperty() readonly factor: string;
  @ApiProperty() readonly level: string;
  @ApiProperty() readonly n: number;
}

class AtLevelDto {
  @ApiProperty() readonly factor: string;
  @ApiProperty() readonly level: string;
}

class SimpleEffectDto extends EstimateDto {
  @ApiProperty({ description: 'first level − second level' }) readonly factor: string;
  @ApiProperty({ type: [String] }) readonly contrast: readonly [string, string];
  @ApiProperty({ type: AtLevelDto }) readonly at: AtLevelDto;
  @ApiProperty(NUM) readonly t: number;
  @ApiProperty(NUM) readonly p: number;
}

class FactorialModelDto {
  @ApiProperty() readonly n: number;
  @ApiProperty() readonly excluded: number;
  @ApiProperty(NUM_OR_NULL) readonly covariateMean: number | null;
  @ApiProperty({ type: [CoefficientDto] }) readonly coefficients: readonly CoefficientDto[];
  @ApiProperty({ type: [AnovaRowDto] }) readonly anova: readonly AnovaRowDto[];
  @ApiProperty({ type: ResidualDto }) readonly residual: ResidualDto;
  @ApiProperty({ type: [CellMeanDto], description: 'Estimated cell means with 95 % CI from the residual variance' })
  readonly cells: readonly CellMeanDto[];
  @ApiProperty({ type: [MarginalMeanDto] }) readonly marginal: readonly MarginalMeanDto[];
  @ApiProperty({ type: [SimpleEffectDto], nullable: true, description: '2 × 2 designs only' }) readonly simpleEffects:
    readonly SimpleEffectDto[] | null;
}

export class ModelOutcomeDto {
  @ApiProperty({ type: FactorialModelDto, nullable: true }) readonly model: FactorialModelDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why there is no model (e.g. a condition without sessions yet)' })
  readonly problem: string | null;
}

export class HedgesGDto {
  @ApiProperty() readonly n1: number;
  @ApiProperty() readonly n2: number;
  @ApiProperty() readonly df: number;
  @ApiProperty(NUM) readonly d: number;
  @ApiProperty(NUM) readonly j: number;
  @ApiProperty(NUM) readonly g: number;
  @ApiProperty({ ...NUM, description: 'Noncentral-t 95 % CI' }) readonly ciLow: number;
  @ApiProperty(NUM) readonly ciHigh: number;
  @ApiProperty(NUM) readonly variance: number;
}

export class WelchTDto {
  @ApiProperty(NUM) readonly meanA: number;
  @ApiProperty(NUM) readonly meanB: number;
  @ApiProperty(NUM) readonly difference: number;
  @ApiProperty(NUM) readonly se: number;
  @ApiProperty(NUM) readonly t: number;
  @ApiProperty(NUM) readonly df: number;
  @ApiProperty(NUM) readonly p: number;
  @ApiProperty(NUM) readonly ciLow: number;
  @ApiProperty(NUM) readonly ciHigh: number;
}

export class FactorEffectDto {
  @ApiProperty() readonly factorId: string;
  @ApiProperty({ type: [String], description: 'g is the first level minus the second' }) readonly levels: readonly [string, string];
  @ApiProperty({ type: HedgesGDto, nullable: true }) readonly hedges: HedgesGDto | null;
  @ApiProperty({ type: WelchTDto, nullable: true }) readonly welch: WelchTDto | null;
}

class Icc1Dto {
  @ApiProperty() readonly sessions: number;
  @ApiProperty() readonly participants: number;
  @ApiProperty(NUM) readonly k: number;
  @ApiProperty(NUM) readonly msb: number;
  @ApiProperty(NUM) readonly msw: number;
  @ApiProperty(NUM) readonly df1: number;
  @ApiProperty(NUM) readonly df2: number;
  @ApiProperty(NUM) readonly f: number;
  @ApiProperty(NUM) readonly p: number;
  @ApiProperty({ ...NUM, description: '(MSB − MSW)/(MSB + (k − 1)MSW)' }) readonly icc: number;
  @ApiProperty(NUM) readonly ciLow: number;
  @ApiProperty(NUM) readonly ciHigh: number;
}

export class ScaleResultDto {
  @ApiProperty() readonly instrumentId: string;
  @ApiProperty() readonly instrumentVersion: number;
  @ApiProperty() readonly scale: string;
  @ApiProperty() readonly label: string;
  @ApiProperty({ enum: ['pre', 'post', 'change'] }) readonly phase: 'pre' | 'post' | 'change';
  @ApiProperty({ type: [CellSummaryDto] }) readonly cells: readonly CellSummaryDto[];
  @ApiProperty({ type: [LevelSummaryDto] }) readonly levels: readonly LevelSummaryDto[];
  @ApiProperty({ type: ModelOutcomeDto, description: 'OLS on session scores, sum-to-zero contrasts, type III tests' })
  readonly model: ModelOutcomeDto;
  @ApiProperty({ type: [FactorEffectDto] }) readonly effects: readonly FactorEffectDto[];
  @ApiProperty({ type: Icc1Dto, nullable: true, description: 'ICC(1) of the members within sessions, with the F-based 95 % CI' })
  readonly icc: Icc1Dto | null;
  @ApiProperty({ type: ModelOutcomeDto, nullable: true, description: 'Post only: post on condition with the centred pre score' })
  readonly ancova: ModelOutcomeDto | null;
}

class CheckRateDto {
  @ApiProperty() readonly conditionId: string;
  @ApiProperty() readonly passed: number;
  @ApiProperty() readonly failed: number;
  @ApiProperty() readonly unscored: number;
  @ApiProperty(NUM_OR_NULL) readonly passRate: number | null;
}

class CheckSummaryDto {
  @ApiProperty() readonly instrumentId: string;
  @ApiProperty() readonly instrumentVersion: number;
  @ApiProperty() readonly itemId: string;
  @ApiProperty({ enum: ['manipulation', 'attention'] }) readonly kind: 'manipulation' | 'attention';
  @ApiProperty({ type: [CheckRateDto] }) readonly perCondition: readonly CheckRateDto[];
}

export class StudyResultsResponse {
  @ApiProperty({ type: ResultsFilterDto }) readonly filter: ResultsFilterDto;
  @ApiProperty({ type: [FactorSpecDto] }) readonly factors: readonly FactorSpecDto[];
  @ApiProperty({ type: [String] }) readonly conditions: readonly string[];
  @ApiProperty({ type: [ScaleResultDto] }) readonly scales: readonly ScaleResultDto[];
  @ApiProperty({ type: [CheckSummaryDto], description: 'Manipulation-check pass rates and attention-check failures per condition' })
  readonly checks: readonly CheckSummaryDto[];

  static of(results: StudyResults): StudyResultsResponse {
    return results;
  }
}
