import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { SiteError } from '../sites/sites.errors';
import { FlowQuery, FlowResponse } from './flow.dto';
import { FlowService } from './flow.service';

/** Analysts and above; another study's member gets 404 (StudyAccess). */
@ApiTags('analysis')
@Controller('studies/:studyId/flow')
export class FlowController {
  constructor(private readonly flows: FlowService) {}

  @Get()
  @ApiDoc({
    summary: 'Get the CONSORT participant flow',
    who: 'analyst',
    description:
      "Joined, allocated per condition, each step reached, dropouts, exclusions and analysed, for the CONSORT diagram. The query filters by protocol version and site (`site`: one site's participants and sessions; default every site, pooled; a site-limited researcher always sees only their own).",
    problems: [problems(SiteError, 'SITE_NOT_FOUND')],
  })
  @ApiOkResponse({
    type: FlowResponse,
    description: 'CONSORT participant flow: joined, allocated per condition, each step reached, dropouts, exclusions, analysed',
  })
  async flow(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Query() query: FlowQuery,
  ): Promise<FlowResponse> {
    return FlowResponse.of(await this.flows.flow(principal, studyId, FlowQuery.filter(query)));
  }
}
