import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Nested, Omittable } from '../common/http/validators';
import type { OriginalEffect, OriginalStatistic } from './original-effect.entity';
import type { OriginalEffectInput, ReplicationView } from './replication.service';
import { FactorEffectDto } from './results.dto';

export class OriginalStatisticDto {
  @ApiProperty({
    enum: ['d', 'means'],
    description: "d: Cohen's d with n per group; means: both groups' M, SD and n (d from the pooled SD)",
  })
  @IsIn(['d', 'means'])
  kind: 'd' | 'means';
  @ApiPropertyOptional() @Omittable() @IsNumber() @Min(-10) @Max(10) d?: number;
  @ApiPropertyOptional({ description: 'First level of the factor' }) @Omittable() @IsNumber() m1?: number;
  @ApiPropertyOptional() @Omittable() @IsNumber() @Min(0) sd1?: number;
  @ApiProperty() @IsInt() @Min(2) @Max(100000) n1: number;
  @ApiPropertyOptional({ description: 'Second level of the factor' }) @Omittable() @IsNumber() m2?: number;
  @ApiPropertyOptional() @Omittable() @IsNumber() @Min(0) sd2?: number;
  @ApiProperty() @IsInt() @Min(2) @Max(100000) n2: number;
}

export class OriginalEffectRequest {
  @ApiProperty({ example: 'phone', description: 'A two-level factor; effects are its first level minus its second' })
  @IsString()
  @Length(1, 40)
  factorId: string;
  @ApiProperty({ example: 'ios' }) @IsString() @Length(1, 64) instrumentId: string;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(1_000_000) instrumentVersion: number;
  @ApiProperty({ example: 'ios' }) @IsString() @Length(1, 64) scale: string;
  @ApiProperty({ enum: ['pre', 'post', 'change'] }) @IsIn(['pre', 'post', 'change']) phase: 'pre' | 'post' | 'change';
  @ApiProperty({ example: 'Przybylski, A. K., & Weinstein, N. (2013). Can you connect with me now? JSPR, 30(3), 237–246.' })
  @IsString()
  @Length(3, 1000)
  citation: string;
  @ApiPropertyOptional({ example: '10.1177/0265407512453827' })
  @Omittable()
  @Matches(/^10\.\d{4,9}\/\S{1,200}$/, { message: 'doi must look like 10.xxxx/…' })
  doi?: string;
  @ApiProperty({ example: 'p. 242, Table 2' }) @IsString() @Length(1, 200) locator: string;
  @ApiProperty({ type: OriginalStatisticDto }) @Nested(() => OriginalStatisticDto) statistic: OriginalStatisticDto;
  @ApiPropertyOptional({ description: 'Who checked the numbers against the paper; without it no replication label is given' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  verifiedBy?: string;
  @ApiPropertyOptional({ example: '2026-12-02' }) @Omittable() @Matches(/^\d{4}-\d{2}-\d{2}$/) verifiedOn?: string;

  /** null when the statistic's kind lacks its numbers (path names the field). */
  static toInput(body: OriginalEffectRequest): OriginalEffectInput | { missing: string } {
    const s = body.statistic;
    let statistic: OriginalStatistic;
    if (s.kind === 'd') {
      if (s.d === undefined) return { missing: 'statistic.d' };
      statistic = { kind: 'd', d: s.d, n1: s.n1, n2: s.n2 };
    } else {
      const missing = (['m1', 'sd1', 'm2', 'sd2'] as const).find((key) => s[key] === undefined);
      if (missing) return { missing: `statistic.${missing}` };
      statistic = { kind: 'means', m1: s.m1 ?? 0, sd1: s.sd1 ?? 0, n1: s.n1, m2: s.m2 ?? 0, sd2: s.sd2 ?? 0, n2: s.n2 };
    }
    return {
      factorId: body.factorId,
      instrumentId: body.instrumentId,
      instrumentVersion: body.instrumentVersion,
      scale: body.scale,
      phase: body.phase,
      citation: body.citation,
      doi: body.doi ?? null,
      locator: body.locator,
      statistic,
      verifiedBy: body.verifiedBy ?? null,
      verifiedOn: body.verifiedOn ?? null,
    };
  }
}

export class OriginalEffectResponse {
  @ApiProperty() factorId: string;
  @ApiProperty() instrumentId: string;
  @ApiProperty() instrumentVersion: number;
  @ApiProperty() scale: string;
  @ApiProperty({ enum: ['pre', 'post', 'change'] }) phase: 'pre' | 'post' | 'change';
  @ApiProperty() citation: string;
  @ApiProperty({ type: String, nullable: true }) doi: string | null;
  @ApiProperty() locator: string;
  @ApiProperty({ type: OriginalStatisticDto }) statistic: OriginalStatisticDto;
  @ApiProperty({ type: String, nullable: true }) verifiedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) verifiedOn: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;

  static of(effect: OriginalEffect): OriginalEffectResponse {
    const { factorId, instrumentId, instrumentVersion, scale, phase, citation, doi, locator, statistic, verifiedBy, verifiedOn } = effect;
    return {
      factorId,
      instrumentId,
      instrumentVersion,
      scale,
      phase,
      citation,
      doi,
      locator,
      statistic: { ...statistic },
      verifiedBy,
      verifiedOn,
      recordedAt: effect.recordedAt.toISOString(),
    };
  }
}

class SmallTelescopesDto {
  @ApiProperty({ description: 'The effect the original had 33 % power to detect' }) d33: number;
  @ApiProperty() se: number;
  @ApiProperty() z: number;
  @ApiProperty({ description: 'One-sided p of d = d33 against d < d33' }) p: number;
  @ApiProperty({ description: 'p < .05: too small for the original study to have detected' }) tooSmall: boolean;
}

class OutcomeDto {
  @ApiProperty({ description: 'The replication CI excludes 0' }) signal: boolean;
  @ApiProperty({ description: 'The replication CI includes the original effect' }) consistent: boolean;
  @ApiProperty({ enum: ['smaller', 'larger', 'opposite'], nullable: true }) direction: 'smaller' | 'larger' | 'opposite' | null;
  @ApiProperty({ description: 'After LeBel, Vanpaemel, Cheung & Campbell (2019)' }) label: string;
}

export class ComparisonDto {
  @ApiProperty() originalD: number;
  @ApiProperty({ description: "Signed in the original's direction" }) d33: number;
  @ApiProperty({ type: SmallTelescopesDto, nullable: true }) smallTelescopes: SmallTelescopesDto | null;
  @ApiProperty({ type: OutcomeDto, nullable: true, description: 'Only for a verified original' }) outcome: OutcomeDto | null;
}

export class ReplicationResponse {
  @ApiProperty({ type: OriginalEffectResponse, nullable: true }) original: OriginalEffectResponse | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ type: FactorEffectDto, nullable: true }) replication: FactorEffectDto | null;
  @ApiProperty({ type: ComparisonDto, nullable: true }) comparison: ComparisonDto | null;
  @ApiProperty({ type: [String], description: 'Factors with no original study (label them exploratory)' }) exploratoryFactors: string[];

  static of(view: ReplicationView): ReplicationResponse {
    return {
      original: view.original && OriginalEffectResponse.of(view.original),
      message: view.message,
      replication: view.replication,
      comparison: view.comparison && { ...view.comparison, outcome: view.comparison.outcome && { ...view.comparison.outcome } },
      exploratoryFactors: [...view.exploratoryFactors],
    };
  }
}
