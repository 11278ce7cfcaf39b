import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { StudyError } from '../studies/studies.errors';
import { EXPORT_FILES } from './export-model';
import { ExportQuery } from './exports.dto';
import { SiteError } from '../sites/sites.errors';
import { ExportError } from './exports.errors';
import { type ExportDownload, ExportsService } from './exports.service';

function attachment(download: ExportDownload): StreamableFile {
  return new StreamableFile(download.stream, { type: download.contentType, disposition: `attachment; filename="${download.fileName}"` });
}

/** Analysts and above (browser session or personal access token); another study's member gets 404. */
@ApiTags('exports')
@Controller('studies/:studyId/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':file')
  @ApiDoc({
    summary: 'Download an export file',
    who: 'analyst',
    description:
      'wide, long, scores and pairwise CSV (RFC 4180, UTF-8, header row, empty = missing), the codebook (CSV, JSON), R / pandas / SPSS loaders, or all of them with protocol.json and README.txt in bundle.zip. Streamed from PostgreSQL; audited. The file name says study, file, protocol version and hash, and date. ' +
      "From a script: `curl -H 'Authorization: Bearer att_…' -OJ …/exports/wide.csv`. `externalIds=true` (identified export) is for owners only: 403 `ROLE_REQUIRED` for others. A study without a frozen protocol, or protocol versions that do not exist, is 404 `NO_PROTOCOL`. Every data file has a `site` column (the site code); `site` exports one site's sessions only, and a site-limited researcher always gets only their own site's.",
    problems: [
      problems(StudyError, 'ROLE_REQUIRED'),
      problems(ExportError, 'UNKNOWN_EXPORT_FILE', 'NO_PROTOCOL'),
      problems(SiteError, 'SITE_NOT_FOUND'),
    ],
  })
  @ApiParam({ name: 'file', enum: EXPORT_FILES })
  @ApiProduces('text/csv', 'application/json', 'text/plain', 'application/zip')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('file') file: string,
    @Query() query: ExportQuery,
  ): Promise<StreamableFile> {
    return attachment(await this.exports.download(principal, studyId, file, ExportQuery.filter(query)));
  }
}
