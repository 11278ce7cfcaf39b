import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Participant } from './participant.entity';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from './participant.entity';
import type { CreatedSession, SessionDetail, SessionRow } from './researcher-sessions.service';
import { type ConversationClock, conversationClock, isAllocated } from './session-state';
import { SESSION_STATUSES, type SessionStatus } from './session.entity';

const COVARIATE_VALUES = { type: 'object', additionalProperties: { type: 'string' }, example: { phone_seen: 'yes' } } as const;

export class ReasonRequest {
  @ApiProperty({ example: 'Partner felt unwell and left after the pre-survey' }) @IsString() @Length(1, 2000) reason: string;
}

export class CreateSessionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The site that runs the session (GET …/sites); default the primary site. A site-limited researcher's sessions are always at their site: another site is 404 `SITE_NOT_FOUND`",
  })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}

export class SeatLinkResponse {
  @ApiProperty() seatNumber: number;
  @ApiProperty({ example: '/join/seat/aseat_…', description: 'Shown only in this response: the secret is stored hashed' }) joinPath: string;
}

export class CreatedSessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Six characters a participant can type instead of opening a seat link' }) code: string;
  @ApiProperty({ enum: ['lab', 'online'] }) mode: 'lab' | 'online';
  @ApiProperty({ format: 'uuid', description: 'The site that runs the session' }) siteId: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty() size: number;
  @ApiProperty({ type: [SeatLinkResponse] }) seats: SeatLinkResponse[];

  static of({ session, seats }: CreatedSession): CreatedSessionResponse {
    return {
      id: session.id,
      code: session.code,
      mode: session.mode,
      siteId: session.siteId,
      status: session.status,
      size: session.size,
      seats: seats.map((seat) => ({ ...seat })),
    };
  }
}

export class SessionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'The lab join code; null for analysts, who read data and seat no one' })
  code: string | null;
  @ApiProperty({ enum: ['lab', 'online'] }) mode: 'lab' | 'online';
  @ApiProperty({ format: 'uuid', description: 'The site that runs the session' }) siteId: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty() size: number;
  @ApiProperty() seatsTaken: number;
  @ApiProperty({ type: String, nullable: true, description: 'Null until the session is allocated (concealment)' }) conditionId:
    string | null;
  @ApiProperty({ type: String, nullable: true }) stratum: string | null;
  @ApiProperty() incomplete: boolean;
  @ApiProperty({ type: String, nullable: true }) dropoutReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of({ session, seatsTaken, joinCode }: SessionRow): SessionSummaryResponse {
    const allocated = isAllocated(session.status, session.conditionId);
    return {
      id: session.id,
      code: joinCode,
      mode: session.mode,
      siteId: session.siteId,
      status: session.status,
      size: session.size,
      seatsTaken,
      conditionId: allocated ? session.conditionId : null,
      stratum: allocated ? session.stratum : null,
      incomplete: session.incomplete,
      dropoutReason: session.dropoutReason,
      createdAt: session.createdAt.toISOString(),
    };
  }
}

export class SeatResponse {
  @ApiProperty() seatNumber: number;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) status: ParticipantStatus;
  @ApiProperty() consentGiven: boolean;
  @ApiProperty() covariatesAnswered: boolean;
  @ApiProperty() instructionsConfirmed: boolean;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;

  static of(member: Participant): SeatResponse {
    return {
      seatNumber: member.seatNumber ?? 0,
      participantId: member.id,
      status: member.status,
      consentGiven: member.consentedAt !== null,
      covariatesAnswered: member.covariatesAt !== null,
      instructionsConfirmed: member.instructionsConfirmedAt !== null,
      lastSeenAt: member.lastSeenAt.toISOString(),
    };
  }
}

export class ConversationClockResponse {
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty() durationSeconds: number;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'date-time', description: 'The server clock, to correct the client clock' }) serverNow: string;

  static of(clock: ConversationClock | null): ConversationClockResponse | null {
    return (
      clock && {
        startedAt: clock.startedAt.toISOString(),
        durationSeconds: clock.durationSeconds,
        endsAt: clock.endsAt.toISOString(),
        serverNow: clock.serverNow.toISOString(),
      }
    );
  }
}

export class RoomLevelResponse {
  @ApiProperty() factorId: string;
  @ApiProperty() factorLabel: string;
  @ApiProperty() levelId: string;
  @ApiProperty() levelLabel: string;
  @ApiProperty({ type: String, nullable: true, description: 'What the research assistant prepares for this level' }) setup: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'What the level puts in the room, by manipulation-check probe',
  })
  sets: Record<string, string>;
  @ApiProperty({ type: String, nullable: true, description: 'What the phones show for this level (first study language)' })
  participantInstructions: string | null;
  @ApiProperty({ type: String, nullable: true }) topicPrompt: string | null;
}

export class RoomSetupResponse {
  @ApiProperty({ type: [RoomLevelResponse] }) levels: RoomLevelResponse[];
  @ApiProperty() conversationSeconds: number;
}

export class SessionDetailResponse extends SessionSummaryResponse {
  @ApiProperty() protocolVersion: number;
  @ApiProperty(COVARIATE_VALUES) observedCovariates: Record<string, string>;
  @ApiProperty({
    type: ConversationClockResponse,
    nullable: true,
    description: 'The running conversation; null before the research assistant starts it (lab) and after it ends',
  })
  conversation: ConversationClockResponse | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) conversationEndedAt: string | null;
  @ApiProperty({
    type: RoomSetupResponse,
    nullable: true,
    description: "The lab console's room set-up for the allocated condition; null before allocation",
  })
  room: RoomSetupResponse | null;
  @ApiProperty({ format: 'date-time', description: "The server clock, to correct the console's clock" }) serverNow: string;
  @ApiProperty({ type: [SeatResponse] }) seats: SeatResponse[];

  static detail({ session, joinCode, members, serverNow, room }: SessionDetail): SessionDetailResponse {
    return {
      ...SessionSummaryResponse.of({ session, seatsTaken: members.length, joinCode }),
      protocolVersion: session.protocolVersion,
      observedCovariates: session.observedCovariates,
      conversation: ConversationClockResponse.of(conversationClock(session, serverNow)),
      conversationEndedAt: session.conversationEndedAt?.toISOString() ?? null,
      room: room && {
        levels: room.levels.map((level) => ({ ...level, sets: { ...level.sets } })),
        conversationSeconds: room.conversationSeconds,
      },
      serverNow: serverNow.toISOString(),
      seats: members.map(SeatResponse.of),
    };
  }
}
