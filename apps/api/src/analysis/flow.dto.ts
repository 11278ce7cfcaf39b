import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { toBoolean, toVersions } from '../common/http/query-transforms';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SITE_CODE_PATTERN, SITE_OPTION } from '../sites/site-rules';
import type { FlowFilter } from './flow.repository';
import type { ConditionFlow, FlowReport, ReasonTally } from './flow.service';

export class FlowQuery {
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
    description: 'true: every allocated session with the data it has (intention to treat); false: complete sessions only',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeIncomplete?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'true: participants who failed any attention or manipulation check are excluded, not analysed',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  perProtocol?: boolean;

  @ApiPropertyOptional(SITE_OPTION)
  @IsOptional()
  @Matches(SITE_CODE_PATTERN)
  site?: string;

  static filter(query: FlowQuery): FlowFilter {
    const versions = query.protocol ? [...new Set(query.protocol)].sort((a, b) => a - b) : null;
    return {
      protocolVersions: versions,
      includeIncomplete: query.includeIncomplete ?? true,
      perProtocol: query.perProtocol ?? false,
      site: query.site ?? null,
    };
  }
}

export class FlowOptionsResponse {
  @ApiProperty({ type: [Number], nullable: true, description: 'Protocol versions included; null = all' }) protocol: number[] | null;
  @ApiProperty() includeIncomplete: boolean;
  @ApiProperty() perProtocol: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The site the flow is limited to (its code); null: every site, pooled' }) site:
    string | null;
}

export class FlowPeopleResponse {
  @ApiProperty({ description: 'People who joined: participant rows not created by a rejoin' }) joined: number;
  @ApiProperty({ description: 'Participant rows created by a rejoin (reform_remaining): the same people starting over' }) rejoins: number;
  @ApiProperty() declinedConsent: number;
  @ApiProperty({ description: 'Left while waiting or in a session not yet allocated (no seat kept)' }) leftBeforeAllocation: number;
  @ApiProperty({ description: 'Still waiting, or in a session that never got allocated' }) notAllocated: number;
  @ApiProperty({
    description: 'Seated in an allocated session; declinedConsent + leftBeforeAllocation + notAllocated + allocated = joined + rejoins',
  })
  allocated: number;
}

export class FlowCountsResponse {
  @ApiProperty({ description: 'Allocated sessions' }) sessions: number;
  @ApiProperty({ description: 'Participants seated in allocated sessions' }) participants: number;
  @ApiProperty({ description: 'Their session got past allocation, or they submitted the pre-survey' }) reachedPreSurvey: number;
  @ApiProperty({ description: "Their session's conversation was started" }) reachedConversation: number;
  @ApiProperty({ description: 'The post-survey was opened to them' }) reachedPostSurvey: number;
  @ApiProperty({ description: 'Submitted the post-survey' }) completed: number;
  @ApiProperty({ description: 'Left after allocation (the seat keeps its condition)' }) leftAfterAllocation: number;
  @ApiProperty({ description: 'Left a session that ended early to start over in another (reform_remaining)' }) rejoinedElsewhere: number;
  @ApiProperty({ description: 'Failed at least one submitted attention or manipulation check' }) failedCheck: number;
  @ApiProperty({ description: 'Excluded with their session (includeIncomplete=false and the session is not complete)' })
  excludedWithSession: number;
  @ApiProperty({ description: 'Excluded for a failed check (perProtocol=true)' }) excludedFailedCheck: number;
  @ApiProperty({ description: 'Withdrew consent after taking part: answers deleted, seat still counted as allocated' }) withdrew: number;
  @ApiProperty({ description: 'Included but without a submitted post-survey response' }) withoutPostData: number;
  @ApiProperty({ description: 'At least one submitted post-survey response; with the three before it, partitions participants' })
  analysed: number;
}

export class ReasonTallyResponse {
  @ApiProperty({ example: 'member_left:pre_survey' }) reason: string;
  @ApiProperty() sessions: number;
  @ApiProperty({ description: 'Participants seated in those sessions' }) participants: number;
}

export class LevelRefResponse {
  @ApiProperty({ example: 'phone' }) factorId: string;
  @ApiProperty({ example: 'present' }) levelId: string;
}

export class ConditionFlowResponse {
  @ApiProperty({ example: 'phone=present|topic=casual' }) conditionId: string;
  @ApiProperty({ type: [LevelRefResponse], description: "The condition's level per factor, in declared factor order" })
  levels: LevelRefResponse[];
  @ApiProperty({ description: 'False for a condition found in the data but not in the current design' }) inDesign: boolean;
  @ApiProperty({ type: FlowCountsResponse }) counts: FlowCountsResponse;
  @ApiProperty({ type: [ReasonTallyResponse], description: 'Sessions with a recorded dropout reason, by reason' })
  dropoutReasons: ReasonTallyResponse[];
  @ApiProperty({
    type: [ReasonTallyResponse],
    description: 'Sessions the filter excludes, by why: abandoned, ended_early, incomplete, not_finished',
  })
  exclusionReasons: ReasonTallyResponse[];
}

export class FlowResponse {
  @ApiProperty({ format: 'uuid' }) studyId: string;
  @ApiProperty({ type: FlowOptionsResponse, description: 'The query options as applied' }) options: FlowOptionsResponse;
  @ApiProperty({ type: FlowPeopleResponse }) people: FlowPeopleResponse;
  @ApiProperty({ type: [ConditionFlowResponse], description: 'Every condition of the design, in canonical order' })
  conditions: ConditionFlowResponse[];
  @ApiProperty({ type: FlowCountsResponse, description: "The conditions' counts summed" }) totals: FlowCountsResponse;

  static of(report: FlowReport): FlowResponse {
    const { filter } = report;
    return {
      studyId: report.studyId,
      options: {
        protocol: filter.protocolVersions ? [...filter.protocolVersions] : null,
        includeIncomplete: filter.includeIncomplete,
        perProtocol: filter.perProtocol,
        site: filter.site,
      },
      people: { ...report.people },
      conditions: report.conditions.map(conditionOf),
      totals: { ...report.totals },
    };
  }
}

function conditionOf(condition: ConditionFlow): ConditionFlowResponse {
  const tally = (reason: ReasonTally): ReasonTallyResponse => ({ ...reason });
  return {
    conditionId: condition.conditionId,
    levels: condition.levels.map((level) => ({ ...level })),
    inDesign: condition.inDesign,
    counts: { ...condition.counts },
    dropoutReasons: condition.dropoutReasons.map(tally),
    exclusionReasons: condition.exclusionReasons.map(tally),
  };
}
