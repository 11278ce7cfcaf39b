import { Body, Controller, Get, Headers, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { CurrentParticipant, ParticipantGuard } from '../sessions/participant-auth';
import type { Participant } from '../sessions/participant.entity';
import { AnswersService } from './answers.service';
import {
  AnswerParams, PhaseAnswersResponse, PhaseParams, PhaseSubmittedResponse, SaveAnswerRequest, SavedAnswerResponse, SubmitPhaseRequest,
} from './responses.dto';
import { SubmissionsService } from './submissions.service';

@ApiTags('participant')
@ApiHeader({ name: 'X-Participant-Token', required: true, description: 'The participant capability token (atp_…)' })
@Public()
@UseGuards(ParticipantGuard)
@Controller('participant')
export class ResponsesController {
  constructor(private readonly answers: AnswersService, private readonly submissions: SubmissionsService) {}

  @Put('answers/:phase/:instrumentId/:itemId')
  @ApiOkResponse({ type: SavedAnswerResponse, description: 'Autosave of one item; idempotent. 400 carries the libs/survey code per item' })
  async save(@CurrentParticipant() participant: Participant, @Param() params: AnswerParams, @Body() body: SaveAnswerRequest): Promise<SavedAnswerResponse> {
    return SavedAnswerResponse.of(await this.answers.save(participant, params, body.value));
  }

  @Get('answers/:phase')
  @ApiOkResponse({ type: PhaseAnswersResponse, description: 'The caller\'s own answers so far, to resume after a reload' })
  async list(@CurrentParticipant() participant: Participant, @Param() params: PhaseParams): Promise<PhaseAnswersResponse> {
    return PhaseAnswersResponse.of(await this.answers.list(participant, params.phase));
  }

  @Post('phases/:phase/submit')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '1–200 characters of A-Z a-z 0-9 _ - : . ; a retry with the same key and body gets the first response again' })
  @ApiCreatedResponse({ type: PhaseSubmittedResponse, description: 'Stored once; a replay with the same key and body returns this same response' })
  async submit(
    @CurrentParticipant() participant: Participant,
    @Param() params: PhaseParams,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: SubmitPhaseRequest,
  ): Promise<PhaseSubmittedResponse> {
    return PhaseSubmittedResponse.of(await this.submissions.submit(participant, params.phase, idempotencyKey, body.answers));
  }
}
