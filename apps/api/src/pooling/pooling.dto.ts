import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from '../common/http/validators';
import { ComparisonDto } from '../analysis/replication.dto';
import type { ResultPhase } from '../analysis/results.repository';
import type { ExternalSiteSummary } from './external-summary.entity';
import type { PooledView } from './pooling.service';

const PHASES = ['pre', 'post', 'change'] as const;
const METHODS = ['REML', 'DL'] as const;

export class PooledQuery {
  @ApiPropertyOptional({ description: "A two-level factor (default: the original effect's, else the first two-level factor)" })
  @Omittable()
  @IsString()
  @MaxLength(100)
  factorId?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(100) instrumentId?: string;
  @ApiPropertyOptional() @Omittable() @Type(() => Number) @IsInt() @Min(1) @Max(100000) instrumentVersion?: number;
  @ApiPropertyOptional({ description: "Scale id (default: the original effect's, else the first post-conversation scale)" })
  @Omittable()
  @IsString()
  @MaxLength(100)
  scale?: string;
  @ApiPropertyOptional({ enum: PHASES }) @Omittable() @IsIn(PHASES) phase?: ResultPhase;
  @ApiPropertyOptional({ enum: METHODS, default: 'REML', description: "τ² estimator: REML (metafor's default) or DerSimonian–Laird" })
  @Omittable()
  @IsIn(METHODS)
  method?: (typeof METHODS)[number];
}

export class ExternalSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty() designHash: string;
  @ApiProperty() protocolVersion: number;
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ format: 'date-time' }) importedAt: string;

  static of(row: ExternalSiteSummary): ExternalSummaryResponse {
    return {
      id: row.id,
      label: row.label,
      country: row.summary.site.country,
      designHash: row.designHash,
      protocolVersion: row.summary.protocolVersion,
      exportedAt: row.summary.exportedAt,
      importedAt: row.importedAt.toISOString(),
    };
  }
}

class PooledOutcomeDto {
  @ApiProperty() factorId: string;
  @ApiProperty() instrumentId: string;
  @ApiProperty() instrumentVersion: number;
  @ApiProperty() scale: string;
  @ApiProperty({ enum: PHASES }) phase: ResultPhase;
}

class PooledRowDto {
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['site', 'external'], description: 'site: a site of this study; external: a summary another installation sent' })
  kind: 'site' | 'external';
  @ApiProperty({ description: "Hedges' g on session scores" }) g: number;
  @ApiProperty() n1: number;
  @ApiProperty() n2: number;
  @ApiProperty({ description: 'vi = 1/n1 + 1/n2 + g²/(2(n1 + n2)) (metafor escalc "SMD")' }) variance: number;
  @ApiProperty({ description: "g − 1.96·√vi, as metafor's forest plot" }) ciLow: number;
  @ApiProperty() ciHigh: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent weight in the random-effects model' }) weight: number | null;
}

class PooledFitDto {
  @ApiProperty({ enum: METHODS }) method: string;
  @ApiProperty() k: number;
  @ApiProperty() estimate: number;
  @ApiProperty() se: number;
  @ApiProperty() z: number;
  @ApiProperty() p: number;
  @ApiProperty() ciLow: number;
  @ApiProperty() ciHigh: number;
  @ApiProperty({ description: "95 % prediction interval: where a new site's true effect is expected" }) piLow: number;
  @ApiProperty() piHigh: number;
  @ApiProperty() tau2: number;
  @ApiProperty() tau: number;
  @ApiProperty({ description: 'I² in percent' }) i2: number;
  @ApiProperty() h2: number;
  @ApiProperty() q: number;
  @ApiProperty() qDf: number;
  @ApiProperty() qP: number;
  @ApiProperty() iterations: number;
}

export class PooledResponse {
  @ApiProperty({ type: PooledOutcomeDto }) outcome: PooledOutcomeDto;
  @ApiProperty({ enum: METHODS }) method: string;
  @ApiProperty({ type: [PooledRowDto] }) rows: PooledRowDto[];
  @ApiProperty({ type: PooledFitDto, nullable: true, description: 'null with fewer than two sites' }) pooled: PooledFitDto | null;
  @ApiProperty({
    type: ComparisonDto,
    nullable: true,
    description:
      "The pooled estimate against the original effect (small telescopes with the pooled SE; the label only for a verified original); null without a pool or when the outcome is not the original's",
  })
  comparison: ComparisonDto | null;

  static of(view: PooledView): PooledResponse {
    return {
      outcome: { ...view.outcome },
      method: view.method,
      rows: view.rows.map((row) => ({ ...row })),
      pooled: view.pooled ? { ...view.pooled } : null,
      comparison: view.comparison as ComparisonDto | null,
    };
  }
}
