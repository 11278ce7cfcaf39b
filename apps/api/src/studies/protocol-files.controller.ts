import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { ImportStudyRequest, ProtocolFileDto } from './protocol-file.dto';
import { StudyResponse } from './studies.dto';
import { StudyError } from './studies.errors';
import { ProtocolFilesService } from './protocol-files.service';
import { ProtocolVersionQuery } from './protocol-version.query';

@ApiTags('studies')
@Controller('studies')
export class ProtocolFilesController {
  constructor(private readonly files: ProtocolFilesService) {}

  @Get(':studyId/protocol-file')
  @ApiDoc({
    summary: 'Download the protocol as a file for other sites',
    who: 'owner',
    description:
      'The frozen protocol (the current version, or `version`) as a JSON file: its canonical JSON with its SHA-256 and design hash. Another Attune installation imports it (POST /api/studies/import) as a new study with the same design hash and its own seed. A draft has no protocol: 409 `NOT_LAUNCHED`. Audited.',
    problems: [problems(StudyError, 'NOT_LAUNCHED', 'PROTOCOL_NOT_FOUND')],
  })
  @ApiOkResponse({ type: ProtocolFileDto, description: 'The file (Content-Disposition: attachment)' })
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Query() query: ProtocolVersionQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ProtocolFileDto> {
    const { file, version } = await this.files.exportFile(principal, studyId, query.version);
    res.header('Content-Disposition', `attachment; filename="attune-protocol-${studyId.slice(0, 8)}-v${version}.json"`);
    return file;
  }

  @Post('import')
  @ApiDoc({
    summary: "Import another installation's protocol file as a new study",
    who: 'signed-in',
    changes: true,
    description:
      "Creates a draft (you become its owner) with the file's design; launching it freezes a protocol with the same design hash and a seed of this installation's own. " +
      "Refused with 400 `INVALID_PROTOCOL_FILE`, naming each problem in `errors`, when the text does not match its SHA-256, or an instrument is missing here or differs from the exporting installation's.",
    problems: [problems(StudyError, 'INVALID_PROTOCOL_FILE')],
  })
  @ApiCreatedResponse({ type: StudyResponse, description: 'The new draft' })
  async import(@CurrentPrincipal() principal: Principal, @Body() body: ImportStudyRequest): Promise<StudyResponse> {
    return StudyResponse.full(await this.files.importFile(principal, body.file, body.title));
  }
}
