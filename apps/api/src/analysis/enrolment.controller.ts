import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { SiteError } from '../sites/sites.errors';
import { EnrolmentQuery, EnrolmentResponse } from './enrolment.dto';
import { EnrolmentService } from './enrolment.service';

/** Analysts and above; another study's member gets 404 (StudyAccess). */
@ApiTags('analysis')
@Controller('studies/:studyId/enrolment')
export class EnrolmentController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Get()
  @ApiDoc({
    summary: 'Get enrolment against the targets',
    who: 'analyst',
    description:
      "Allocated sessions and participants per condition × stratum against the study's target, and per site, to see where recruitment stands. `site` limits it to one site (a site-limited researcher always sees only their own).",
    problems: [problems(SiteError, 'SITE_NOT_FOUND')],
  })
  @ApiOkResponse({ type: EnrolmentResponse, description: 'Allocated sessions and participants per condition × stratum against the target' })
  async enrolment(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Query() query: EnrolmentQuery,
  ): Promise<EnrolmentResponse> {
    return EnrolmentResponse.of(await this.enrolments.enrolment(principal, studyId, query.site));
  }
}
