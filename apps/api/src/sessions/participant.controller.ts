import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import type { Participant } from './participant.entity';
import { CurrentParticipant, ParticipantGuard } from './participant-auth';
import { ConsentRequest, CovariatesRequest, HeartbeatResponse, JoinRequest, JoinResponse, LanguageRequest, ParticipantStateResponse } from './participant.dto';
import { ParticipantJoinService } from './participant-join.service';
import { ParticipantOnboardingService } from './participant-onboarding.service';
import { ParticipantSessionService } from './participant-session.service';
import { ParticipantStateService } from './participant-state.service';

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
  @ApiCreatedResponse({ type: JoinResponse })
  async join(@Body() body: JoinRequest, @Ip() clientAddress: string): Promise<JoinResponse> {
    return JoinResponse.of(await this.joining.join(body, clientAddress));
  }

  @Get('state')
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiOkResponse({ type: ParticipantStateResponse })
  async state(@CurrentParticipant() participant: Participant): Promise<ParticipantStateResponse> {
    return ParticipantStateResponse.of(await this.states.state(participant));
  }

  @Post('language')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiNoContentResponse({ description: 'Before consent only (409 LANGUAGE_LOCKED after)' })
  async chooseLanguage(@CurrentParticipant() participant: Participant, @Body() body: LanguageRequest): Promise<void> {
    await this.onboarding.chooseLanguage(participant.id, body.language);
  }

  @Post('consent')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiNoContentResponse()
  async consent(@CurrentParticipant() participant: Participant, @Body() body: ConsentRequest): Promise<void> {
    await this.onboarding.consent(participant.id, body);
  }

  @Post('covariates')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiNoContentResponse()
  async covariates(@CurrentParticipant() participant: Participant, @Body() body: CovariatesRequest): Promise<void> {
    await this.onboarding.answerCovariates(participant.id, body.values);
  }

  @Post('instructions/confirm')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiNoContentResponse()
  async confirmInstructions(@CurrentParticipant() participant: Participant): Promise<void> {
    await this.steps.confirmInstructions(participant.id);
  }

  @Post('heartbeat')
  @HttpCode(200)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiOkResponse({ type: HeartbeatResponse })
  async heartbeat(@CurrentParticipant() participant: Participant): Promise<HeartbeatResponse> {
    return HeartbeatResponse.of(await this.steps.heartbeat(participant));
  }

  @Post('leave')
  @HttpCode(204)
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiNoContentResponse()
  async leave(@CurrentParticipant() participant: Participant): Promise<void> {
    await this.steps.leave(participant.id);
  }

  @Post('rejoin')
  @UseGuards(ParticipantGuard)
  @ApiHeader(TOKEN_HEADER)
  @ApiCreatedResponse({ type: JoinResponse, description: 'Only with dropout policy reform_remaining, after a partner left post-allocation' })
  async rejoin(@CurrentParticipant() participant: Participant): Promise<JoinResponse> {
    return JoinResponse.of(await this.joining.rejoin(participant.id));
  }
}
