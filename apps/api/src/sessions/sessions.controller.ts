import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { ResearcherSessionsService } from './researcher-sessions.service';
import { SessionControlService } from './session-control.service';
import { SiteError } from '../sites/sites.errors';
import { SessionError } from './sessions.errors';
import {
  CreateSessionRequest,
  CreatedSessionResponse,
  ReasonRequest,
  SeatLinkResponse,
  SessionDetailResponse,
  SessionSummaryResponse,
} from './sessions.dto';

const NOT_FOUND = problems(SessionError, 'SESSION_NOT_FOUND');
const TRANSITION = [problems(SessionError, 'SESSION_NOT_FOUND', 'ILLEGAL_TRANSITION')];

/** Researcher routes. Another study's researcher gets 404 (StudyAccess); a session of another study, 404 too. */
@ApiTags('sessions')
@Controller('studies/:studyId/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: ResearcherSessionsService,
    private readonly control: SessionControlService,
  ) {}

  @Post()
  @ApiDoc({
    summary: 'Open a lab session',
    who: 'researcher',
    changes: true,
    description:
      "A session with one single-use join link per seat (hand one to each participant, e.g. as a QR code) and a session code to type in. The links are shown only in this response; a lost one can be reissued. The session is allocated once every seat has consented and answered its questions. The study must be launched (not paused or closed). The session runs at `siteId` (default: the primary site); a site-limited researcher's session always runs at their site, and naming another site is 404 `SITE_NOT_FOUND` (it is not revealed).",
    problems: [problems(SessionError, 'STUDY_NOT_RUNNING'), problems(SiteError, 'SITE_NOT_FOUND')],
  })
  @ApiBody({
    type: CreateSessionRequest,
    required: false,
    description: "May be left out: the session then runs at the primary site (or a site-limited researcher's site)",
  })
  @ApiCreatedResponse({ type: CreatedSessionResponse, description: 'A lab session; the seat join paths are shown only in this response' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: CreateSessionRequest,
  ): Promise<CreatedSessionResponse> {
    return CreatedSessionResponse.of(await this.sessions.create(principal, studyId, body.siteId));
  }

  @Get()
  @ApiDoc({
    summary: "List a study's sessions",
    who: 'analyst',
    description:
      "Every session with its site, status, seats taken, condition (once allocated) and timestamps. Timed-out conversations are moved on first, so the statuses are current. A site-limited researcher sees only their site's sessions.",
  })
  @ApiOkResponse({ type: [SessionSummaryResponse], description: 'The sessions' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<SessionSummaryResponse[]> {
    return (await this.sessions.list(principal, studyId)).map(SessionSummaryResponse.of);
  }

  @Post(':sessionId/seats/:seatNumber/link')
  @ApiDoc({
    summary: "Reissue a seat's join link",
    who: 'researcher',
    changes: true,
    description:
      'A seat link lets one person in, once. While the session forms and nobody holds the seat, this makes a new link (shown only in this response) and the old one stops working.',
    problems: [problems(SessionError, 'SESSION_NOT_FOUND', 'SEAT_NOT_FOUND', 'SESSION_CLOSED', 'SEAT_TAKEN')],
  })
  @ApiCreatedResponse({ type: SeatLinkResponse })
  async reissueSeatLink(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('seatNumber', ParseIntPipe) seatNumber: number,
  ): Promise<SeatLinkResponse> {
    return this.sessions.reissueSeatLink(principal, studyId, sessionId, seatNumber);
  }

  @Get(':sessionId')
  @ApiDoc({
    summary: 'Get a session',
    who: 'analyst',
    description:
      "Status, condition, seats with their members' progress, observed covariates, timer and dropout or abandon reasons: what the lab console shows. A session of another study, or of another site for a site-limited researcher, is 404.",
    problems: [NOT_FOUND],
  })
  @ApiOkResponse({ type: SessionDetailResponse, description: 'The session' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.sessions.get(principal, studyId, sessionId));
  }

  @Post(':sessionId/start-conversation')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Start the conversation timer',
    who: 'researcher',
    changes: true,
    description:
      'The lab console starts the shared timer (the phones show none). Only while the session waits in its conversation step: otherwise 409 `ILLEGAL_TRANSITION`. Audited.',
    problems: TRANSITION,
  })
  @ApiOkResponse({ type: SessionDetailResponse, description: 'The session, timer running' })
  async startConversation(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.startConversation(principal, studyId, sessionId));
  }

  @Post(':sessionId/end-conversation')
  @HttpCode(200)
  @ApiDoc({
    summary: 'End the conversation now',
    who: 'researcher',
    changes: true,
    description:
      'Releases the post-survey to every seat at once, before the timer runs out. Only during the conversation: otherwise 409 `ILLEGAL_TRANSITION`. Audited.',
    problems: TRANSITION,
  })
  @ApiOkResponse({ type: SessionDetailResponse, description: 'The session, now in its post-survey' })
  async endConversation(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.endConversation(principal, studyId, sessionId));
  }

  @Post(':sessionId/dropout')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Record a dropout',
    who: 'researcher',
    changes: true,
    description:
      'Records why a member dropped out after allocation and flags the session incomplete; it keeps its condition and is analysed as randomised. Before allocation there is nothing to record (409 `NOT_ALLOCATED`): a participant who leaves simply frees the seat. The reason stays on the session, never in the audit log.',
    problems: [problems(SessionError, 'SESSION_NOT_FOUND', 'NOT_ALLOCATED')],
  })
  @ApiOkResponse({
    type: SessionDetailResponse,
    description: 'Records why a member dropped out after allocation; the session keeps its condition',
  })
  async dropout(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ReasonRequest,
  ): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.recordDropout(principal, studyId, sessionId, body.reason));
  }

  @Post(':sessionId/abandon')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Abandon a session',
    who: 'researcher',
    changes: true,
    description:
      'Ends the session from any status but complete, with the reason. An allocated session keeps its condition and is analysed as randomised. Audited.',
    problems: [problems(SessionError, 'SESSION_NOT_FOUND', 'ILLEGAL_TRANSITION')],
  })
  @ApiOkResponse({ type: SessionDetailResponse, description: 'The abandoned session' })
  async abandon(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: ReasonRequest,
  ): Promise<SessionDetailResponse> {
    return SessionDetailResponse.detail(await this.control.abandon(principal, studyId, sessionId, body.reason));
  }
}
