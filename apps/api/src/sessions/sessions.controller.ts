import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ResearcherSessionsService } from './researcher-sessions.service';
import { SessionControlService } from './session-control.service';
import { CreatedSessionResponse, ObservedCovariatesRequest, ReasonRequest, SeatLinkResponse, SessionDetailResponse, SessionSummaryResponse } from './sessions.dto';

/** Researcher routes. Another study's researcher gets 404 (StudyAccess); a session of another study, 404 too. */
@ApiTags('sessions')
@Controller('studies/:studyId/sessions')
export class SessionsController {
  constructor(private readonly sessions: ResearcherSessionsService, private readonly control: SessionControlService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedSessionResponse, description: 'A lab session; the seat join paths are shown only in this response' })
  async create(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<CreatedSessionResponse> {
    return CreatedSessionResponse.of(await this.sessions.create(principal, studyId));
  }

  @Get()
  @ApiOkResponse({ type: [SessionSummaryResponse] })
  async list(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<SessionSummaryResponse[]> {
    return (await this.sessions.list(principal, studyId)).map(SessionSummaryResponse.of);
  }

  @Post(':sessionId/seats/:seatNumber/link')
  @ApiOperation({ summary: 'Reissue a seat\'s join link', description: 'A seat link lets one person in, once. While the session forms and nobody holds the seat, this makes a new link (shown only in this response) and the old one stops working.' })
  @ApiCreatedResponse({ type: SeatLinkResponse })
  async reissueSeatLink(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('seatNumber', ParseIntPipe) seatNumber: number): Promise<SeatLinkResponse> {
    return this.sessions.reissueSeatLink(principal, studyId, sessionId, seatNumber);
  }

  @Get(':sessionId')
  @ApiOkResponse({ type: SessionDetailResponse })
  async get(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.sessions.get(principal, studyId, sessionId));
  }

  @Post(':sessionId/start-conversation')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDetailResponse, description: 'The lab console starts the shared timer (the phones show none); 409 unless the session waits in its conversation step' })
  async startConversation(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.startConversation(principal, studyId, sessionId));
  }

  @Post(':sessionId/end-conversation')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDetailResponse, description: 'Releases the post-survey to every seat now' })
  async endConversation(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.endConversation(principal, studyId, sessionId));
  }

  @Post(':sessionId/dropout')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDetailResponse, description: 'Records why a member dropped out after allocation; the session keeps its condition' })
  async dropout(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Param('sessionId', ParseUUIDPipe) sessionId: string, @Body() body: ReasonRequest): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.recordDropout(principal, studyId, sessionId, body.reason));
  }

  @Post(':sessionId/abandon')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDetailResponse })
  async abandon(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Param('sessionId', ParseUUIDPipe) sessionId: string, @Body() body: ReasonRequest): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.abandon(principal, studyId, sessionId, body.reason));
  }

  @Post(':sessionId/observed-covariates')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDetailResponse })
  async observed(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Param('sessionId', ParseUUIDPipe) sessionId: string, @Body() body: ObservedCovariatesRequest): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.recordObserved(principal, studyId, sessionId, body.values));
  }
}
