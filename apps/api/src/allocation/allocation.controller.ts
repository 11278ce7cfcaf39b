import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { SessionDetailResponse } from '../sessions/sessions.dto';
import { SessionError } from '../sessions/sessions.errors';
import { StudyError } from '../studies/studies.errors';
import { ObservedCovariatesRequest, VerificationResponse } from './allocation.dto';
import { AllocationVerificationService } from './allocation-verification.service';
import { ObservedCovariatesService } from './observed-covariates.service';

// The routes that allocate or check allocation keep the paths, tags and operation ids they had under
// the sessions and studies controllers, so the published API is unchanged.

@ApiTags('sessions')
@Controller('studies/:studyId/sessions')
export class ObservedCovariatesController {
  constructor(private readonly observedCovariates: ObservedCovariatesService) {}

  @Post(':sessionId/observed-covariates')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Record observed covariates',
    who: 'researcher',
    changes: true,
    description:
      "Values the research assistant observes (e.g. a phone seen on the table), by covariate id; each must be one of the covariate's levels (400 `INVALID_COVARIATES` per field). Recording the last missing stratification covariate allocates the session. A stratification covariate cannot change after allocation (409 `OBSERVED_COVARIATE_LOCKED`). Audited.",
    problems: [problems(SessionError, 'SESSION_NOT_FOUND', 'INVALID_COVARIATES', 'OBSERVED_COVARIATE_LOCKED')],
  })
  @ApiOperation({ operationId: 'Sessions_observed' })
  @ApiOkResponse({ type: SessionDetailResponse, description: 'The session, allocated if this completed its stratum' })
  async observed(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ObservedCovariatesRequest,
  ): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.observedCovariates.record(principal, studyId, sessionId, body.values));
  }
}

@ApiTags('studies')
@Controller('studies')
export class AllocationVerificationController {
  constructor(private readonly verification: AllocationVerificationService) {}

  @Get(':studyId/allocation-verification')
  @ApiDoc({
    summary: 'Verify the allocation against the revealed seed',
    who: 'analyst',
    description:
      "After the study closes: checks that the seed matches its commitment, regenerates each stratum's concealed sequence from it and compares it with the allocations made, and recomputes each session's stratum from its members' covariates. Before closing, 409 `SEED_NOT_REVEALED`.",
    problems: [problems(StudyError, 'SEED_NOT_REVEALED')],
  })
  @ApiOperation({ operationId: 'Studies_verify' })
  @ApiOkResponse({ type: VerificationResponse, description: '`matches` is true when every check passed' })
  async verify(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<VerificationResponse> {
    return VerificationResponse.of(await this.verification.verify(principal, studyId));
  }
}
