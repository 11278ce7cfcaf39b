import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { CreateSiteRequest, SiteResponse, UpdateSiteRequest } from './sites.dto';
import { SiteError } from './sites.errors';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('studies/:studyId/sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @ApiDoc({
    summary: "List the study's sites",
    who: 'analyst',
    description:
      'Every site with its code, country, default language, study link and number of sessions; the primary site first. Every study has a primary site.',
  })
  @ApiOkResponse({ type: [SiteResponse], description: 'The sites' })
  async list(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<SiteResponse[]> {
    const { study, rows } = await this.sites.list(principal, studyId);
    return rows.map((row) => SiteResponse.of(study, row));
  }

  @Post()
  @ApiDoc({
    summary: 'Add a site',
    who: 'owner',
    changes: true,
    description:
      "A site with its own study link (`/s/<joinCode>`): online participants who join through it are paired only with each other. Site is always a stratification factor, so a new site is a new set of strata and nothing already allocated changes: sites may be added while the study runs (not once it is closed). The language must be one of the study's. Audited.",
    problems: [problems(SiteError, 'INVALID_SITE', 'SITE_CODE_TAKEN', 'STUDY_CLOSED')],
  })
  @ApiCreatedResponse({ type: SiteResponse, description: 'The new site with its join code' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: CreateSiteRequest,
  ): Promise<SiteResponse> {
    const { study, row } = await this.sites.create(principal, studyId, body);
    return SiteResponse.of(study, row);
  }

  @Put(':siteId')
  @ApiDoc({
    summary: 'Change a site',
    who: 'owner',
    changes: true,
    description:
      'Name, country, default language; the code only while no session runs at the site, since sessions are stratified by it (409 `SITE_CODE_LOCKED`). Audited.',
    problems: [problems(SiteError, 'SITE_NOT_FOUND', 'INVALID_SITE', 'SITE_CODE_TAKEN', 'SITE_CODE_LOCKED')],
  })
  @ApiOkResponse({ type: SiteResponse, description: 'The site as changed' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('siteId', ParseUUIDPipe) siteId: string,
    @Body() body: UpdateSiteRequest,
  ): Promise<SiteResponse> {
    const { study, row } = await this.sites.update(principal, studyId, siteId, body);
    return SiteResponse.of(study, row);
  }
}
