import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiDoc, problems, RATE_LIMIT } from '../openapi/api-doc';
import type { Participant } from '../sessions/participant.entity';
import { CurrentParticipant, ParticipantGuard } from './participant-auth';
import {
  ConsentRequest,
  CovariatesRequest,
  HeartbeatResponse,
  JoinRequest,
  JoinResponse,
  LanguageRequest,
  ParticipantStateResponse,
} from './participant.dto';
import { ParticipantJoinService } from './participant-join.service';
import { ParticipantOnboardingService } from './participant-onboarding.service';
import { ParticipantSessionService } from './participant-session.service';
import { ParticipantStateService } from './participant-state.service';
import { SessionError } from '../sessions/sessions.errors';

const TOKEN_HEADER = { name: 'X-Participant-Token', description: 'The atp_… token from join', required: true };

/**
 * Participant routes. No ids in paths: the capability token names the participant, so a token can
 * only ever reach its own participant and session.
 */
@ApiTags('participant')
@Public()
@Controller('participant')
export class ParticipantController {
  constructor(
    private readonly joining: ParticipantJoinService,
    private readonly onboarding: ParticipantOnboardingService,
    private readonly steps: ParticipantSessionService,
    private readonly states: ParticipantStateService,
  ) {}

  @Post('join')
  @ApiDoc({
    summary: 'Join a study',
    who: 'public',
    changes: true,
    description:
      "Exactly one of `seatSecret` (a lab seat link, single-use), `sessionCode` (typed in the lab: the lowest free seat) or `studyCode` (an online study's link, or one of its sites' links: that site's waiting room, where partners are paired only within the site). " +
      "Returns the participant's capability token, shown once: every later participant call sends it as `X-Participant-Token`. " +
      'Online, a Prolific id the study already knows resumes that participant with a new token instead of taking a new place. Rate-limited per client address (429 with Retry-After: wait and retry).',
    problems: [
      RATE_LIMIT,
      problems(
        SessionError,
        'INVALID_JOIN',
        'UNKNOWN_LANGUAGE',
        'JOIN_LINK_NOT_FOUND',
        'STUDY_NOT_RUNNING',
        'SESSION_FULL',
        'SESSION_CLOSED',
        'SEAT_TAKEN',
      ),
    ],
  })
  @ApiCreatedResponse({
    type: JoinResponse,
    description: 'The participant and their token',
    example: { token: 'atp_q3V…', participantId: '7d1e4c2a-9b0f-4a6e-8c3d-2f5b1a0e9d47' },
  })
  async join(@Body() body: JoinRequest, @Ip() clientAddress: string): Promise<JoinResponse> {
    return JoinResponse.of(await this.joining.join(body, clientAddress));
  }

  @Get('state')
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiDoc({
    summary: "Get the participant's current step",
    who: 'participant',
    description:
      "Everything the phone needs to render the current step in the participant's language: consent text, pending questions, instructions, the questionnaires open now, the conversation prompt, and the completion and withdrawal codes at the end. Poll it, or after each action.",
  })
  @ApiOkResponse({ type: ParticipantStateResponse, description: "The participant's state" })
  async state(@CurrentParticipant() participant: Participant): Promise<ParticipantStateResponse> {
    return ParticipantStateResponse.of(await this.states.state(participant));
  }

  @Post('language')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiDoc({
    summary: 'Choose the language',
    who: 'participant',
    changes: true,
    description:
      "One of the study's languages (400 `UNKNOWN_LANGUAGE` otherwise). Before consent only: the consent is to the text in that language, so afterwards 409 `LANGUAGE_LOCKED`.",
    problems: [problems(SessionError, 'UNKNOWN_LANGUAGE', 'LANGUAGE_LOCKED', 'PARTICIPANT_LEFT', 'SESSION_CLOSED')],
  })
  @ApiNoContentResponse({ description: 'Before consent only (409 LANGUAGE_LOCKED after)' })
  async chooseLanguage(@CurrentParticipant() participant: Participant, @Body() body: LanguageRequest): Promise<void> {
    await this.onboarding.chooseLanguage(participant.id, body.language);
  }

  @Post('consent')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiDoc({
    summary: 'Agree or decline to take part',
    who: 'participant',
    changes: true,
    description:
      "Agreeing stores the consent version and the SHA-256 of the exact text shown; `consentVersion` must be the current one (409 `CONSENT_OUTDATED`: reread the state). Declining frees the seat and stores nothing else. Answered once. With no questions to ask, a seated participant may complete the session's allocation here.",
    problems: [problems(SessionError, 'CONSENT_OUTDATED', 'CONSENT_ALREADY_ANSWERED', 'PARTICIPANT_LEFT', 'SESSION_CLOSED')],
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  async consent(@CurrentParticipant() participant: Participant, @Body() body: ConsentRequest): Promise<void> {
    await this.onboarding.consent(participant.id, body);
  }

  @Post('covariates')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiDoc({
    summary: 'Answer the covariate questions',
    who: 'participant',
    changes: true,
    description:
      'Covariate id → level id for every question pending now, all required (400 `INVALID_COVARIATES` per field): about oneself after consent, and about the partner once seated. The last answers of a seated session allocate it; online, the participant then waits for partners.',
    problems: [
      problems(SessionError, 'INVALID_COVARIATES', 'CONSENT_REQUIRED', 'COVARIATES_ALREADY_ANSWERED', 'PARTICIPANT_LEFT', 'SESSION_CLOSED'),
    ],
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  async covariates(@CurrentParticipant() participant: Participant, @Body() body: CovariatesRequest): Promise<void> {
    await this.onboarding.answerCovariates(participant.id, body.values);
  }

  @Post('instructions/confirm')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiDoc({
    summary: 'Confirm the instructions were read',
    who: 'participant',
    changes: true,
    description:
      'The "ready" gate: once every active member of the session has confirmed, the pre-survey (or the conversation) starts for all. Repeating it is harmless. Only after allocation (409 `NOT_ALLOCATED`).',
    problems: [problems(SessionError, 'NOT_ALLOCATED', 'PARTICIPANT_LEFT', 'SESSION_CLOSED')],
  })
  @ApiNoContentResponse({ description: 'Recorded' })
  async confirmInstructions(@CurrentParticipant() participant: Participant): Promise<void> {
    await this.steps.confirmInstructions(participant.id);
  }

  @Post('heartbeat')
  @HttpCode(200)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiDoc({
    summary: 'Report presence',
    who: 'participant',
    changes: true,
    description:
      "The phone calls this periodically while open. It marks the participant present, and a waiting online participant may form a session with the others present. Tells whether they still wait and the session's status.",
  })
  @ApiOkResponse({ type: HeartbeatResponse, description: 'Still waiting or not, and the session status' })
  async heartbeat(@CurrentParticipant() participant: Participant): Promise<HeartbeatResponse> {
    return HeartbeatResponse.of(await this.steps.heartbeat(participant));
  }

  @Post('leave')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiDoc({
    summary: 'Leave the study',
    who: 'participant',
    changes: true,
    description:
      "Before allocation this frees the seat and consumes nothing. After allocation the seat and condition stay (analysed as randomised), the session is flagged incomplete, and the study's dropout policy decides whether it ends early. Leaving twice, or after the session ended, does nothing.",
  })
  @ApiNoContentResponse({ description: 'Left' })
  async leave(@CurrentParticipant() participant: Participant): Promise<void> {
    await this.steps.leave(participant.id);
  }

  @Post('rejoin')
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiDoc({
    summary: 'Start over after the partner left',
    who: 'participant',
    changes: true,
    description:
      "Only with dropout policy `reform_remaining`, for a member left alone after allocation and before acting on the instructions (409 `REJOIN_NOT_ALLOWED` otherwise): a new participant, consent carried over, joins the waiting room. Returns the new participant's token: use it from now on. Once per participant.",
    problems: [problems(SessionError, 'REJOIN_NOT_ALLOWED', 'STUDY_NOT_RUNNING')],
  })
  @ApiCreatedResponse({
    type: JoinResponse,
    description: 'Only with dropout policy reform_remaining, after a partner left post-allocation',
  })
  async rejoin(@CurrentParticipant() participant: Participant): Promise<JoinResponse> {
    return JoinResponse.of(await this.joining.rejoin(participant.id));
  }
}
