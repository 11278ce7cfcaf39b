import { type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { headerOf } from '../auth/cookies';
import { hashSecret } from '../common/crypto/tokens';
import { defineErrors } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Participant } from '../sessions/participant.entity';
import { ParticipantsRepository } from '../sessions/participants.repository';

export const PARTICIPANT_TOKEN_HEADER = 'x-participant-token';
export const PARTICIPANT_TOKEN_PREFIX = 'atp_';

export const ParticipantAuthError = defineErrors('ParticipantAuthError', {
  PARTICIPANT_TOKEN_INVALID: { status: 401, title: 'This participant link is not valid or has expired' },
  PARTICIPANT_WITHDRAWN: { status: 410, title: 'This participant withdrew from the study and their answers were deleted' },
});

type ParticipantRequest = FastifyRequest & { participant?: Participant };

/**
 * Participant routes are public to the researcher guard and use this one instead: a capability
 * token (256 bits, stored hashed) in the X-Participant-Token header. Never logged.
 */
@Injectable()
export class ParticipantGuard implements CanActivate {
  constructor(
    private readonly participants: ParticipantsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ParticipantRequest>();
    const token = headerOf(req, PARTICIPANT_TOKEN_HEADER);
    if (!token || !token.startsWith(PARTICIPANT_TOKEN_PREFIX) || token.length > 100)
      throw new ParticipantAuthError('PARTICIPANT_TOKEN_INVALID');
    const participant = await this.participants.findByTokenHash(hashSecret(token), this.config.participantTokenHours);
    if (!participant) throw new ParticipantAuthError('PARTICIPANT_TOKEN_INVALID');
    if (participant.status === 'withdrawn') throw new ParticipantAuthError('PARTICIPANT_WITHDRAWN');
    req.participant = participant;
    return true;
  }
}

export const CurrentParticipant = createParamDecorator((_data: unknown, context: ExecutionContext): Participant => {
  const participant = context.switchToHttp().getRequest<ParticipantRequest>().participant;
  if (!participant) throw new ParticipantAuthError('PARTICIPANT_TOKEN_INVALID');
  return participant;
});
