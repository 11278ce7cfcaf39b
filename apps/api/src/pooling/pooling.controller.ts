import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { StudyError } from '../studies/studies.errors';
import { ExternalSummaryResponse, PooledQuery, PooledResponse } from './pooling.dto';
import { PoolingError } from './pooling.errors';
import { PoolingService } from './pooling.service';
import { ImportSummaryRequest, SiteSummaryDto, SiteSummaryQuery } from './site-summary.dto';

@ApiTags('pooling')
@Controller('studies/:studyId')
export class PoolingController {
  constructor(private readonly pooling: PoolingService) {}

  @Get('site-summary')
  @ApiDoc({
    summary: "Download this installation's site summary",
    who: 'owner',
    description:
      "Aggregates only, for a coordinating study elsewhere: per scale and phase, each condition's sessions, participants, mean and SD; each two-level factor's Hedges' g with its variance; the ICC; and the protocol's design hash. No participant rows. Sessions as randomised. Audited.",
    problems: [problems(StudyError, 'NOT_LAUNCHED')],
  })
  @ApiOkResponse({ type: SiteSummaryDto, description: 'The summary (Content-Disposition: attachment)' })
  async exportSummary(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Query() query: SiteSummaryQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<SiteSummaryDto> {
    const summary = await this.pooling.exportSummary(principal, studyId, { label: query.label, country: query.country ?? null });
    res.header('Content-Disposition', `attachment; filename="attune-site-summary-${studyId.slice(0, 8)}.json"`);
    return summary as SiteSummaryDto;
  }

  @Get('external-summaries')
  @ApiDoc({
    summary: 'List the site summaries imported into this study',
    who: 'analyst',
    description: "Summaries other installations sent, pooled with this study's own sites.",
  })
  @ApiOkResponse({ type: [ExternalSummaryResponse], description: 'The summaries, by label' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<ExternalSummaryResponse[]> {
    return (await this.pooling.listSummaries(principal, studyId)).map(ExternalSummaryResponse.of);
  }

  @Post('external-summaries')
  @ApiDoc({
    summary: "Import another installation's site summary",
    who: 'owner',
    changes: true,
    description:
      'Refused when the file was changed (400 `INVALID_SITE_SUMMARY`), when it comes from a different protocol than any version of this study (409 `PROTOCOL_MISMATCH`, saying which), or when its label is taken (409 `LABEL_TAKEN`). Audited.',
    problems: [problems(PoolingError, 'INVALID_SITE_SUMMARY', 'PROTOCOL_MISMATCH', 'LABEL_TAKEN'), problems(StudyError, 'NOT_LAUNCHED')],
  })
  @ApiCreatedResponse({ type: ExternalSummaryResponse, description: 'The imported summary' })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: ImportSummaryRequest,
  ): Promise<ExternalSummaryResponse> {
    // Plain data again (validation made class instances): the file's hash is over its canonical JSON.
    return ExternalSummaryResponse.of(await this.pooling.importSummary(principal, studyId, structuredClone(body.file), body.label));
  }

  @Delete('external-summaries/:summaryId')
  @HttpCode(204)
  @ApiDoc({
    summary: 'Remove an imported site summary',
    who: 'owner',
    changes: true,
    description: 'It no longer counts in the pooled estimate. Audited.',
    problems: [problems(PoolingError, 'SUMMARY_NOT_FOUND')],
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('summaryId', ParseUUIDPipe) summaryId: string,
  ): Promise<void> {
    await this.pooling.removeSummary(principal, studyId, summaryId);
  }

  @Get('pooled')
  @ApiDoc({
    summary: 'Pool the effect over sites',
    who: 'analyst',
    description:
      "Hedges' g of a two-level factor on one scale and phase for each site (this study's, then the imported summaries'), combined by a random-effects meta-analysis (REML by default, as `metafor::rma`; DerSimonian–Laird as an option): estimate with CI, the 95 % prediction interval, τ², I², Q and its p. `pooled` is null with fewer than two sites.",
    problems: [problems(PoolingError, 'UNKNOWN_OUTCOME')],
  })
  @ApiOkResponse({ type: PooledResponse, description: 'Per-site rows and the pooled estimate' })
  async pooled(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Query() query: PooledQuery,
  ): Promise<PooledResponse> {
    const { method, ...outcome } = query;
    return PooledResponse.of(await this.pooling.pooled(principal, studyId, outcome, method ?? 'REML'));
  }
}
