import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Nested, NestedList, Omittable } from '../common/http/validators';
import type { ResultPhase } from '../analysis/results.repository';
import { SITE_SUMMARY_FORMAT, type SignedSiteSummary, type SummaryCell, type SummaryEffect, type SummaryScale } from './site-summary';

const PHASES = ['pre', 'post', 'change'] as const;
const nullable = ValidateIf((_object, value) => value !== null);

class SummaryCellDto implements SummaryCell {
  @ApiProperty() @IsString() @MaxLength(400) conditionId: string;
  @ApiProperty() @IsInt() @Min(0) sessions: number;
  @ApiProperty() @IsInt() @Min(0) participants: number;
  @ApiProperty({ type: Number, nullable: true }) @nullable @IsNumber() mean: number | null;
  @ApiProperty({ type: Number, nullable: true }) @nullable @IsNumber() sd: number | null;
}

class SummaryEffectDto implements SummaryEffect {
  @ApiProperty() @IsString() @MaxLength(100) factorId: string;
  @ApiProperty({ type: [String], minItems: 2, maxItems: 2 })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsString({ each: true })
  levels: [string, string];
  @ApiProperty({ description: "Hedges' g, first level minus second, on session scores" }) @IsNumber() g: number;
  @ApiProperty({ description: 'Its sampling variance' }) @IsNumber() @Min(0) variance: number;
  @ApiProperty({ description: 'Sessions at the first level' }) @IsInt() @Min(2) n1: number;
  @ApiProperty({ description: 'Sessions at the second level' }) @IsInt() @Min(2) n2: number;
}

class SummaryScaleDto implements SummaryScale {
  @ApiProperty() @IsString() @MaxLength(100) instrumentId: string;
  @ApiProperty() @IsInt() @Min(1) instrumentVersion: number;
  @ApiProperty() @IsString() @MaxLength(100) scale: string;
  @ApiProperty({ enum: PHASES }) @IsIn(PHASES) phase: ResultPhase;
  @ApiProperty({ type: [SummaryCellDto] }) @NestedList(() => SummaryCellDto) @ArrayMaxSize(1000) cells: SummaryCellDto[];
  @ApiProperty({ type: [SummaryEffectDto] }) @NestedList(() => SummaryEffectDto) @ArrayMaxSize(100) effects: SummaryEffectDto[];
  @ApiProperty({ type: Number, nullable: true, description: "ICC(1) of the members' scores within sessions" }) @nullable @IsNumber() icc:
    number | null;
}

class SummarySiteDto {
  @ApiProperty({ example: 'Konstanz' }) @IsString() @Length(1, 80) label: string;
  @ApiProperty({ type: String, nullable: true, example: 'DE' }) @nullable @Matches(/^[A-Z]{2}$/) country: string | null;
}

export class SiteSummaryDto implements SignedSiteSummary {
  @ApiProperty({ enum: [SITE_SUMMARY_FORMAT] }) @IsIn([SITE_SUMMARY_FORMAT]) format: typeof SITE_SUMMARY_FORMAT;
  @ApiProperty({ format: 'date-time' }) @IsString() @MaxLength(40) exportedAt: string;
  @ApiProperty({ type: SummarySiteDto }) @Nested(() => SummarySiteDto) site: SummarySiteDto;
  @ApiProperty({ description: 'The design hash of the protocol the site ran (ProtocolResponse.designHash)' })
  @Matches(/^[0-9a-f]{64}$/)
  designHash: string;
  @ApiProperty() @IsInt() @Min(1) @Max(100000) protocolVersion: number;
  @ApiProperty({ enum: ['as_randomised'] }) @IsIn(['as_randomised']) analysis: 'as_randomised';
  @ApiProperty({ type: [SummaryScaleDto] }) @NestedList(() => SummaryScaleDto) @ArrayMaxSize(500) scales: SummaryScaleDto[];
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the other fields' }) @Matches(/^[0-9a-f]{64}$/i) sha256: string;
}

export class SiteSummaryQuery {
  @ApiProperty({ description: "The site's name as the coordinating study's forest plot will show it", example: 'Konstanz' })
  @IsString()
  @Length(1, 80)
  label: string;
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'DE' }) @Omittable() @Matches(/^[A-Z]{2}$/) country?: string;
}

export class ImportSummaryRequest {
  @ApiProperty({ type: SiteSummaryDto, description: 'The file as GET …/site-summary gave it' })
  @Nested(() => SiteSummaryDto)
  file: SiteSummaryDto;
  @ApiPropertyOptional({ description: "Label in the forest plot (default: the file's)" })
  @Omittable()
  @IsString()
  @Length(1, 80)
  label?: string;
}
