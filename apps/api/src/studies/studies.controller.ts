import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { StudiesService } from './studies.service';
import { StudyError } from './studies.errors';
import { expectedRevision, withETag } from './revision-header';
import { toDesign } from './study-design.dto';
import { STUDY_TEMPLATES } from './study-templates';
import {
  AmendStudyRequest,
  CreateStudyRequest,
  DesignCheckRequest,
  DesignProblemsResponse,
  ProtocolResponse,
  StudyResponse,
  StudySummaryResponse,
  TemplateResponse,
  UpdateStudyRequest,
} from './studies.dto';

const STATUS_CHANGE = [problems(StudyError, 'ILLEGAL_STATUS_CHANGE')];

@ApiTags('studies')
@Controller('studies')
export class StudiesController {
  constructor(private readonly studies: StudiesService) {}

  @Get()
  @ApiDoc({
    summary: 'List your studies',
    who: 'signed-in',
    description: 'The studies you are a member of, with your role in each (administrators see every study, as owner).',
  })
  @ApiOkResponse({ type: [StudySummaryResponse], description: 'Your studies and your role in each' })
  async list(@CurrentPrincipal() principal: Principal): Promise<StudySummaryResponse[]> {
    return (await this.studies.list(principal)).map(StudySummaryResponse.of);
  }

  @Get('templates')
  @ApiDoc({
    summary: 'List study templates',
    who: 'signed-in',
    description: 'Ready-made designs a new study can start from (POST /api/studies with `templateId`).',
  })
  @ApiOkResponse({ type: [TemplateResponse], description: 'The templates' })
  templates(): TemplateResponse[] {
    return STUDY_TEMPLATES.map(({ id, title, description, replicates, deviations }) => ({
      id,
      title,
      description,
      replicates,
      deviations: [...deviations],
    }));
  }

  @Post()
  @ApiDoc({
    summary: 'Create a draft study',
    who: 'signed-in',
    changes: true,
    description:
      'You become its owner. The draft design comes from the template (default `phone_only`); edit it with PUT /api/studies/{studyId} and launch when it is complete.',
    problems: [problems(StudyError, 'UNKNOWN_TEMPLATE')],
  })
  @ApiCreatedResponse({ type: StudyResponse, description: 'The new draft' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateStudyRequest): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.create(principal, body));
  }

  @Get(':studyId')
  @ApiDoc({
    summary: 'Get a study',
    who: 'analyst',
    description: 'Its status, current design, protocol version, seed commitment and your role. Analysts do not receive the join code.',
  })
  @ApiOkResponse({ type: StudyResponse, description: 'The study' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StudyResponse> {
    return withETag(res, StudyResponse.full(await this.studies.get(principal, studyId)));
  }

  @Put(':studyId')
  @ApiDoc({
    summary: 'Edit a draft study',
    who: 'owner',
    changes: true,
    description:
      'Replaces the title, description or design (each optional; the design as a whole). A draft may be incomplete: launch reports what is missing (GET …/design-problems). ' +
      'Send the revision you edited as `If-Match: "<revision>"` (the ETag of GET): if someone saved after it, 409 `EDIT_CONFLICT` names who, when and which parts (`conflict`), and nothing is saved. ' +
      'Without If-Match the last write wins. An edit that changes nothing keeps the revision. ' +
      'After launch the design is frozen: 409 `STUDY_LAUNCHED` (audited); change it with an amendment instead.',
    problems: [problems(StudyError, 'STUDY_LAUNCHED', 'EDIT_CONFLICT')],
  })
  @ApiOkResponse({ type: StudyResponse, description: 'The study as saved, with its new revision (also the ETag)' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: UpdateStudyRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StudyResponse> {
    const input = { ...body, design: body.design && toDesign(body.design), expectedRevision: expectedRevision(ifMatch) };
    return withETag(res, StudyResponse.full(await this.studies.updateDesign(principal, studyId, input)));
  }

  @Get(':studyId/design-problems')
  @ApiDoc({
    summary: 'List what launch would refuse in the draft',
    who: 'analyst',
    description:
      'The saved design checked exactly as launch checks it, every problem with its path (e.g. `design.factors[0].levels[1].instructions.de`). Nothing changes.',
  })
  @ApiOkResponse({ type: DesignProblemsResponse, description: 'The problems; empty when launch would accept the design' })
  async designProblems(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<DesignProblemsResponse> {
    return { problems: await this.studies.designProblems(principal, studyId) };
  }

  @Post(':studyId/design-check')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Check an unsaved design',
    who: 'owner',
    changes: true,
    description:
      'For a draft: what launch would refuse in this design. After launch: what an amendment would refuse, including `CHANGES_ALLOCATION` when it changes conditions, weights, randomisation, stratification or session size. Nothing is saved.',
  })
  @ApiOkResponse({ type: DesignProblemsResponse, description: 'The problems; empty when the design would be accepted' })
  async designCheck(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: DesignCheckRequest,
  ): Promise<DesignProblemsResponse> {
    return { problems: await this.studies.checkUnsaved(principal, studyId, toDesign(body.design)) };
  }

  @Post(':studyId/launch')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Launch a study',
    who: 'owner',
    changes: true,
    description:
      'Validates the design (400 `INVALID_DESIGN` lists every problem in `errors`), freezes it as protocol version 1 with its SHA-256, and commits to a fresh secret allocation seed: only its hash (`seedCommitment`) is shown until the study closes. Only a draft can be launched. Audited.',
    problems: [problems(StudyError, 'INVALID_DESIGN', 'ILLEGAL_STATUS_CHANGE')],
  })
  @ApiOkResponse({ type: StudyResponse, description: 'The launched study' })
  async launch(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.launch(principal, studyId));
  }

  @Post(':studyId/amendments')
  @ApiDoc({
    summary: "Amend a launched study's protocol",
    who: 'owner',
    changes: true,
    description:
      'Freezes the new design as the next protocol version, with the reason. Sessions keep the version they started under. An amendment may change texts and instruments but not what decides allocation (conditions, weights, randomisation, stratification, session size): that is 400 `INVALID_DESIGN`. Launched or paused studies only. Audited.',
    problems: [problems(StudyError, 'INVALID_DESIGN', 'ILLEGAL_STATUS_CHANGE')],
  })
  @ApiCreatedResponse({ type: ProtocolResponse, description: 'The new protocol version' })
  async amend(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: AmendStudyRequest,
  ): Promise<ProtocolResponse> {
    return ProtocolResponse.of(await this.studies.amend(principal, studyId, { design: toDesign(body.design), reason: body.reason }));
  }

  @Post(':studyId/pause')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Pause a launched study',
    who: 'owner',
    changes: true,
    description:
      'New participants are refused (409 `STUDY_NOT_RUNNING` on join) until it resumes; sessions under way go on. Launched studies only. Audited.',
    problems: STATUS_CHANGE,
  })
  @ApiOkResponse({ type: StudyResponse, description: 'The paused study' })
  async pause(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.changeStatus(principal, studyId, 'pause'));
  }

  @Post(':studyId/resume')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Resume a paused study',
    who: 'owner',
    changes: true,
    description: 'Participants can join again. Paused studies only. Audited.',
    problems: STATUS_CHANGE,
  })
  @ApiOkResponse({ type: StudyResponse, description: 'The running study' })
  async resume(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.changeStatus(principal, studyId, 'resume'));
  }

  @Post(':studyId/close')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Close a study',
    who: 'owner',
    changes: true,
    description:
      'Final: no more joins or sessions, and the allocation seed is revealed so anyone with access can verify the allocation (GET …/allocation-verification). Launched or paused studies only. Audited.',
    problems: STATUS_CHANGE,
  })
  @ApiOkResponse({ type: StudyResponse, description: 'Closes the study and reveals the allocation seed for verification' })
  async close(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.changeStatus(principal, studyId, 'close'));
  }

  @Get(':studyId/protocols')
  @ApiDoc({
    summary: "List a study's protocol versions",
    who: 'analyst',
    description:
      'Every frozen version (launch, then each amendment) with its canonical JSON, SHA-256 and reason: what exports and preregistrations cite. Empty for a draft.',
  })
  @ApiOkResponse({ type: [ProtocolResponse], description: 'Protocol versions, oldest first' })
  async protocols(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<ProtocolResponse[]> {
    return (await this.studies.protocols(principal, studyId)).map(ProtocolResponse.of);
  }
}
