import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { SiteError } from '../sites/sites.errors';
import { StudyError } from '../studies/studies.errors';
import { powerAnswer } from './power';
import { PowerQuery, PowerResponse } from './power.dto';
import { OriginalEffectRequest, OriginalEffectResponse, ReplicationResponse } from './replication.dto';
import { ReplicationService } from './replication.service';
import { ResultsQuery, StudyResultsResponse } from './results.dto';
import { ResultsService } from './results.service';

function required<T extends object>(input: T | { missing: string }): T {
  if ('missing' in input)
    throw new StudyError('INVALID_DESIGN', {
      detail: `${input.missing} is required for this kind of statistic`,
      errors: [{ path: input.missing, code: 'REQUIRED', message: 'is required' }],
    });
  return input;
}

/** Results, the original effect and the replication comparison, and the sample-size calculator. */
@ApiTags('analysis')
@Controller()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly replications: ReplicationService,
  ) {}

  @Get('studies/:studyId/results')
  @ApiDoc({
    summary: 'Get results on session-level scores',
    who: 'analyst',
    description:
      "Per scale and phase (pre, post, change): descriptives per condition and factor level, the factorial model with type III tests, Hedges' g per two-level factor, ICC(1), the ANCOVA of post on pre, and check pass rates. The session (dyad) is the unit of analysis. The query filters like the exports do (protocol versions, complete sessions only, site). `site` gives one site's results (e.g. its Hedges' g for a many-labs meta-analysis); default every site, pooled. A site-limited researcher always gets their own site's.",
    problems: [problems(SiteError, 'SITE_NOT_FOUND')],
  })
  @ApiOkResponse({ type: StudyResultsResponse })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Query() query: ResultsQuery,
  ): Promise<StudyResultsResponse> {
    return StudyResultsResponse.of(await this.results.results(principal, studyId, ResultsQuery.toFilter(query)));
  }

  @Put('studies/:studyId/original-effect')
  @ApiDoc({
    summary: 'Record the original effect',
    who: 'owner',
    changes: true,
    description:
      "The effect of the study being replicated, with its provenance (citation, DOI, page or table, who verified it and when). It must name a two-level factor and a scale of this study, and the statistic's inputs (400 `INVALID_DESIGN` naming the field otherwise). Recording again replaces it. Audited.",
    problems: [problems(StudyError, 'INVALID_DESIGN')],
  })
  @ApiOkResponse({ type: OriginalEffectResponse })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: OriginalEffectRequest,
  ): Promise<OriginalEffectResponse> {
    return OriginalEffectResponse.of(await this.replications.record(principal, studyId, required(OriginalEffectRequest.toInput(body))));
  }

  @Get('studies/:studyId/replication')
  @ApiDoc({
    summary: 'Compare the replication with the original',
    who: 'analyst',
    description:
      "The replication's g with its CI, d33 and the small-telescopes test, and the LeBel et al. (2019) label — or says plainly that no (verified) original effect is recorded. A site-limited researcher's replication is their site's sessions only.",
  })
  @ApiOkResponse({ type: ReplicationResponse })
  async replication(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<ReplicationResponse> {
    return ReplicationResponse.of(await this.replications.replication(principal, studyId));
  }

  @Get('power')
  @ApiDoc({
    summary: 'Compute the sample size for a session-randomised design',
    who: 'signed-in',
    description:
      'Dyads per condition for a two-sided t test on session scores (as pwr::pwr.t.test), the individual-level equivalent with the design effect 1 + (m − 1)·ICC, and a power curve. Pure computation: no study needed.',
  })
  @ApiOkResponse({ type: PowerResponse })
  power(@Query() query: PowerQuery): PowerResponse {
    return PowerResponse.of(powerAnswer(query));
  }
}
