import { Body, Controller, Get, Headers, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiDoc, problems, RATE_LIMIT } from '../openapi/api-doc';
import { CurrentParticipant, ParticipantGuard } from '../participants/participant-auth';
import type { Participant } from '../sessions/participant.entity';
import { AnswersService } from './answers.service';
import {
  AnswerParams,
  PhaseAnswersResponse,
  PhaseParams,
  PhaseSubmittedResponse,
  SaveAnswerRequest,
  SavedAnswerResponse,
  SubmitPhaseRequest,
} from './responses.dto';
import { ResponseError } from './responses.errors';
import { SubmissionsService } from './submissions.service';
import { PhasePipe, SubmitBodyPipe, type SubmittedAnswers } from './submit-body.pipe';
import { PHASES } from './phase-instruments';
import type { Phase } from './response.entity';

/** Everything a phase submit can refuse: the Idempotency-Key rules, the answers, and the session's step. */
const SUBMIT_PROBLEMS = [
  RATE_LIMIT,
  problems(
    ResponseError,
    'IDEMPOTENCY_KEY_REQUIRED',
    'IDEMPOTENCY_KEY_INVALID',
    'INVALID_ANSWERS',
    'UNKNOWN_INSTRUMENT',
    'CONSENT_REQUIRED',
    'PHASE_NOT_OPEN',
    'PHASE_SUBMITTED',
    'SUBMISSION_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ),
];

@ApiTags('participant')
@ApiHeader({ name: 'X-Participant-Token', required: true, description: 'The participant capability token (atp_…)' })
@Public()
@UseGuards(ParticipantGuard)
@Controller('participant')
export class ResponsesController {
  constructor(
    private readonly answers: AnswersService,
    private readonly submissions: SubmissionsService,
  ) {}

  @Put('answers/:phase/:instrumentId/:itemId')
  @ApiDoc({
    summary: 'Autosave one answer',
    who: 'participant',
    changes: true,
    description:
      "Saves one item's answer while its phase (pre or post) is open; saving the same value again is harmless. The value is checked against the item (400 `INVALID_ANSWERS` with the survey rule's code per item). After the phase is submitted, answers cannot change (409 `PHASE_SUBMITTED`). Answers exist only under a recorded consent (403 `CONSENT_REQUIRED`).",
    problems: [
      problems(ResponseError, 'INVALID_ANSWERS', 'CONSENT_REQUIRED', 'INSTRUMENT_NOT_IN_PHASE', 'PHASE_NOT_OPEN', 'PHASE_SUBMITTED'),
    ],
  })
  @ApiOkResponse({ type: SavedAnswerResponse, description: 'Autosave of one item; idempotent. 400 carries the libs/survey code per item' })
  async save(
    @CurrentParticipant() participant: Participant,
    @Param() params: AnswerParams,
    @Body() body: SaveAnswerRequest,
  ): Promise<SavedAnswerResponse> {
    return SavedAnswerResponse.of(await this.answers.save(participant, params, body.value));
  }

  @Get('answers/:phase')
  @ApiDoc({
    summary: 'Get your saved answers of a phase',
    who: 'participant',
    description:
      "The caller's own answers so far, per instrument of the phase, to resume after a reload. Empty before the participant has a session.",
  })
  @ApiOkResponse({ type: PhaseAnswersResponse, description: "The caller's own answers so far, to resume after a reload" })
  async list(@CurrentParticipant() participant: Participant, @Param() params: PhaseParams): Promise<PhaseAnswersResponse> {
    return PhaseAnswersResponse.of(await this.answers.list(participant, params.phase));
  }

  @Post('phases/:phase/submit')
  @ApiDoc({
    summary: "Submit a phase's answers",
    who: 'participant',
    changes: true,
    description:
      "Stores every instrument of the phase at once, scored, under the participant's consent; the session moves on when every member has submitted. " +
      'Needs an `Idempotency-Key` header: a retry with the same key and body gets the first 201 again (safe after a lost connection); the same key with another body is 422; another key after success is 409 `PHASE_SUBMITTED`. ' +
      'All answers are validated (400 `INVALID_ANSWERS` per item, `UNKNOWN_INSTRUMENT`). Rate-limited per participant.',
    problems: SUBMIT_PROBLEMS,
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '1–200 characters of A-Z a-z 0-9 _ - : . ; a retry with the same key and body gets the first response again',
  })
  @ApiCreatedResponse({
    type: PhaseSubmittedResponse,
    description: 'Stored once; a replay with the same key and body returns this same response',
  })
  // The pipes stand in for PhaseParams and SubmitPhaseRequest on this hot route (see SubmitBodyPipe);
  // the DTO still documents the body.
  @ApiParam({ name: 'phase', enum: PHASES })
  @ApiBody({ type: SubmitPhaseRequest })
  async submit(
    @CurrentParticipant() participant: Participant,
    @Param('phase', PhasePipe) phase: Phase,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body(SubmitBodyPipe) body: SubmittedAnswers,
  ): Promise<PhaseSubmittedResponse> {
    return PhaseSubmittedResponse.of(await this.submissions.submit(participant, phase, idempotencyKey, body.answers));
  }
}
