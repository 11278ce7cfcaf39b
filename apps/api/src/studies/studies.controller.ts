import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '../auth/accounts.service';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { StudiesService } from './studies.service';
import { toDesign } from './study-design.dto';
import { STUDY_TEMPLATES } from './study-templates';
import {
  AddMemberRequest, AmendStudyRequest, CreateStudyRequest, ProtocolResponse, StudyResponse, StudySummaryResponse,
  TemplateResponse, UpdateStudyRequest, VerificationResponse,
} from './studies.dto';

@ApiTags('studies')
@Controller('studies')
export class StudiesController {
  constructor(private readonly studies: StudiesService, private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: [StudySummaryResponse] })
  async list(@CurrentPrincipal() principal: Principal): Promise<StudySummaryResponse[]> {
    return (await this.studies.list(principal)).map(StudySummaryResponse.of);
  }

  @Get('templates')
  @ApiOkResponse({ type: [TemplateResponse] })
  templates(): TemplateResponse[] {
    return STUDY_TEMPLATES.map(({ id, title, description }) => ({ id, title, description }));
  }

  @Post()
  @ApiCreatedResponse({ type: StudyResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateStudyRequest): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.create(principal, body));
  }

  @Get(':studyId')
  @ApiOkResponse({ type: StudyResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.get(principal, studyId));
  }

  @Put(':studyId')
  @ApiOkResponse({ type: StudyResponse })
  async update(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Body() body: UpdateStudyRequest): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.updateDesign(principal, studyId, { ...body, design: body.design && toDesign(body.design) }));
  }

  @Post(':studyId/launch')
  @HttpCode(200)
  @ApiOkResponse({ type: StudyResponse })
  async launch(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.launch(principal, studyId));
  }

  @Post(':studyId/amendments')
  @ApiCreatedResponse({ type: ProtocolResponse })
  async amend(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Body() body: AmendStudyRequest): Promise<ProtocolResponse> {
    return ProtocolResponse.of(await this.studies.amend(principal, studyId, { design: toDesign(body.design), reason: body.reason }));
  }

  @Post(':studyId/pause')
  @HttpCode(200)
  @ApiOkResponse({ type: StudyResponse })
  async pause(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.changeStatus(principal, studyId, 'pause'));
  }

  @Post(':studyId/resume')
  @HttpCode(200)
  @ApiOkResponse({ type: StudyResponse })
  async resume(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.changeStatus(principal, studyId, 'resume'));
  }

  @Post(':studyId/close')
  @HttpCode(200)
  @ApiOkResponse({ type: StudyResponse, description: 'Closes the study and reveals the allocation seed for verification' })
  async close(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<StudyResponse> {
    return StudyResponse.full(await this.studies.changeStatus(principal, studyId, 'close'));
  }

  @Get(':studyId/protocols')
  @ApiOkResponse({ type: [ProtocolResponse] })
  async protocols(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<ProtocolResponse[]> {
    return (await this.studies.protocols(principal, studyId)).map(ProtocolResponse.of);
  }

  @Get(':studyId/allocation-verification')
  @ApiOkResponse({ type: VerificationResponse })
  async verify(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<VerificationResponse> {
    return VerificationResponse.of(await this.studies.verifyAllocation(principal, studyId));
  }

  @Post(':studyId/members')
  @HttpCode(204)
  @ApiNoContentResponse()
  async addMember(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Body() body: AddMemberRequest): Promise<void> {
    await this.studies.addMember(principal, studyId, await this.accounts.findUserId(body.email), body.role);
  }
}
