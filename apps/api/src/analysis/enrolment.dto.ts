import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { SITE_CODE_PATTERN, SITE_OPTION } from '../sites/site-rules';
import type { ConditionEnrolment, EnrolmentReport, StratumRow } from './enrolment.service';
import { LevelRefResponse } from './flow.dto';

export class StratumCovariateResponse {
  @ApiProperty({ example: 'acquainted' }) covariateId: string;
  @ApiProperty({ example: 'strangers' }) levelId: string;
}

export class StratumEnrolmentResponse {
  @ApiProperty({
    example: 'acquainted=strangers',
    description:
      'The canonical stratum key; empty for the single stratum of an unstratified design. Sessions at a site other than the primary one carry `site=<code>` in it',
  })
  stratum: string;
  @ApiProperty({ type: [StratumCovariateResponse], description: 'The stratum key decoded, in key order' })
  covariates: StratumCovariateResponse[];
  @ApiProperty({ description: 'Allocated sessions, whatever happened after allocation' }) sessions: number;
  @ApiProperty({ description: 'Sessions complete with every member' }) completeSessions: number;
  @ApiProperty({ description: 'Participants seated in those sessions, including members who left later' }) participants: number;
}

export class ConditionEnrolmentResponse {
  @ApiProperty({ example: 'phone=present|topic=casual' }) conditionId: string;
  @ApiProperty({ type: [LevelRefResponse], description: "The condition's level per factor, in declared factor order" })
  levels: LevelRefResponse[];
  @ApiProperty({ description: 'False for a condition found in the data but not in the current design (its target is 0)' })
  inDesign: boolean;
  @ApiProperty({ description: 'Target sessions for this condition, all strata together' }) target: number;
  @ApiProperty() sessions: number;
  @ApiProperty() completeSessions: number;
  @ApiProperty() participants: number;
  @ApiProperty({ type: [StratumEnrolmentResponse], description: 'Strata with at least one allocated session in this condition' })
  strata: StratumEnrolmentResponse[];
}

export class EnrolmentQuery {
  @ApiPropertyOptional(SITE_OPTION)
  @IsOptional()
  @Matches(SITE_CODE_PATTERN)
  site?: string;
}

export class SiteEnrolmentResponse {
  @ApiProperty({ format: 'uuid' }) siteId: string;
  @ApiProperty({ example: 'essex' }) code: string;
  @ApiProperty({ example: 'University of Essex' }) name: string;
  @ApiProperty() isPrimary: boolean;
  @ApiProperty({ description: 'Allocated sessions at the site' }) sessions: number;
  @ApiProperty({ description: 'Sessions complete with every member' }) completeSessions: number;
  @ApiProperty({ description: 'Participants seated in those sessions' }) participants: number;
}

export class EnrolmentTotalsResponse {
  @ApiProperty() target: number;
  @ApiProperty() sessions: number;
  @ApiProperty() completeSessions: number;
  @ApiProperty() participants: number;
}

export class EnrolmentResponse {
  @ApiProperty({ format: 'uuid' }) studyId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The site the report is limited to (its code); null: every site, pooled' })
  site: string | null;
  @ApiProperty({
    type: [SiteEnrolmentResponse],
    description: 'Allocated sessions and participants per site, the primary site first (only the one site when limited)',
  })
  sites: SiteEnrolmentResponse[];
  @ApiProperty({ description: "The study's target per condition, over every site" }) targetSessionsPerCondition: number;
  @ApiProperty({
    type: [ConditionEnrolmentResponse],
    description: 'Every condition of the design, in canonical order, even with no session',
  })
  conditions: ConditionEnrolmentResponse[];
  @ApiProperty({ type: EnrolmentTotalsResponse }) totals: EnrolmentTotalsResponse;

  static of(report: EnrolmentReport): EnrolmentResponse {
    return {
      studyId: report.studyId,
      site: report.site,
      sites: report.sites.map((site) => ({ ...site })),
      targetSessionsPerCondition: report.targetSessionsPerCondition,
      conditions: report.conditions.map(conditionOf),
      totals: { ...report.totals },
    };
  }
}

function stratumOf(row: StratumRow): StratumEnrolmentResponse {
  return { ...row, covariates: row.covariates.map((pair) => ({ ...pair })) };
}

function conditionOf(condition: ConditionEnrolment): ConditionEnrolmentResponse {
  return { ...condition, levels: condition.levels.map((level) => ({ ...level })), strata: condition.strata.map(stratumOf) };
}
