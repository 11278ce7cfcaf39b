import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length, Matches } from 'class-validator';
import { IsStringMap, Nested, Omittable } from '../common/http/validators';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../sessions/participant.entity';
import type { HeartbeatResult } from './participant-session.service';
import type { ParticipantStateView, SessionView } from './participant-state.service';
import { ConversationClockResponse } from '../sessions/sessions.dto';
import type { JoinResult } from './participant-join.service';
import { SESSION_STATUSES, type SessionStatus } from '../sessions/session.entity';

const EXTERNAL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EXTERNAL_ID_MESSAGE = 'must be 1 to 64 letters, digits, _ or -';
const CODE = /^[A-Za-z0-9]{4,12}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const LANGUAGE_MESSAGE = 'language must be a language code';

/** Recruitment-platform ids (Prolific's URL parameters); stored apart, never exported by default. */
export class ExternalIdsDto {
  @ApiPropertyOptional() @Omittable() @Matches(EXTERNAL_ID, { message: `PROLIFIC_PID ${EXTERNAL_ID_MESSAGE}` }) PROLIFIC_PID?: string;
  @ApiPropertyOptional() @Omittable() @Matches(EXTERNAL_ID, { message: `STUDY_ID ${EXTERNAL_ID_MESSAGE}` }) STUDY_ID?: string;
  @ApiPropertyOptional() @Omittable() @Matches(EXTERNAL_ID, { message: `SESSION_ID ${EXTERNAL_ID_MESSAGE}` }) SESSION_ID?: string;
}

export class JoinRequest {
  @ApiPropertyOptional({ description: 'The secret of a lab seat link (/join/seat/<secret>)' })
  @Omittable()
  @IsString()
  @Length(1, 100)
  seatSecret?: string;
  @ApiPropertyOptional({ description: 'A lab session code typed by the participant: takes the lowest free seat' })
  @Omittable()
  @Matches(CODE, { message: 'sessionCode must be 4 to 12 letters or digits' })
  sessionCode?: string;
  @ApiPropertyOptional({ description: 'The study link code: joins the online waiting room' })
  @Omittable()
  @Matches(CODE, { message: 'studyCode must be 4 to 12 letters or digits' })
  studyCode?: string;
  @ApiPropertyOptional({ example: 'en', description: 'One of the study languages; default its first' })
  @Omittable()
  @Matches(LANGUAGE, { message: LANGUAGE_MESSAGE })
  language?: string;
  @ApiPropertyOptional({ type: ExternalIdsDto }) @Omittable() @Nested(() => ExternalIdsDto) externalIds?: ExternalIdsDto;
}

export class JoinResponse {
  @ApiProperty({ description: 'Capability token (atp_…) for the X-Participant-Token header; shown once' }) token: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;

  static of(result: JoinResult): JoinResponse {
    return { ...result };
  }
}

export class LanguageRequest {
  @ApiProperty({ example: 'de', description: 'One of the study languages' })
  @IsString()
  @Matches(LANGUAGE, { message: LANGUAGE_MESSAGE })
  language: string;
}

export class ConsentRequest {
  @ApiProperty({ example: '1', description: 'The consent version the participant read' }) @IsString() @Length(1, 64) consentVersion: string;
  @ApiProperty() @IsBoolean() agree: boolean;
}

export class CovariatesRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { acquainted: 'strangers' },
    description: 'Covariate id → level id, for every participant covariate',
  })
  @IsStringMap({ maxKeys: 16, maxLength: 40 })
  values: Record<string, string>;
}

export class HeartbeatResponse {
  @ApiProperty({ description: 'In the online waiting room, not yet seated' }) waiting: boolean;
  @ApiProperty({ enum: SESSION_STATUSES, nullable: true }) sessionStatus: SessionStatus | null;

  static of(result: HeartbeatResult): HeartbeatResponse {
    return { ...result };
  }
}

class ParticipantSelfResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) status: ParticipantStatus;
  @ApiProperty() language: string;
  @ApiProperty({ type: Number, nullable: true }) seatNumber: number | null;
  @ApiProperty() consentGiven: boolean;
  @ApiProperty() covariatesAnswered: boolean;
  @ApiProperty() instructionsConfirmed: boolean;
  @ApiProperty({ description: 'A partner left after allocation and the study re-forms sessions: POST /participant/rejoin' })
  canRejoin: boolean;
  // Optional in the document only, so clients and fixtures written before it still type-check; this API always sends it.
  @ApiPropertyOptional({
    enum: ['pre', 'post'],
    isArray: true,
    description:
      'The phases whose submit the server holds (finished, not in flight): the phone shows "waiting for your partner" instead of the questions. Always sent',
  })
  submittedPhases?: ('pre' | 'post')[];
}

class ConsentTextResponse {
  @ApiProperty() version: string;
  @ApiProperty() text: string;
}

class LevelTextResponse {
  @ApiProperty() id: string;
  @ApiProperty() text: string;
}

class CovariateQuestionResponse {
  @ApiProperty() id: string;
  @ApiProperty() question: string;
  @ApiProperty({ type: [LevelTextResponse] }) levels: LevelTextResponse[];
}

class StudyTextsResponse {
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: ConsentTextResponse }) consent: ConsentTextResponse;
  @ApiProperty({ type: [CovariateQuestionResponse] }) covariateQuestions: CovariateQuestionResponse[];
}

class InstructionsResponse {
  @ApiProperty({
    type: [String],
    description: "What to do before the conversation (e.g. where to sit); texts only, never the condition's name",
  })
  steps: string[];
  @ApiProperty({ type: [String], description: 'The topic card' }) topics: string[];
  @ApiProperty() conversation: string;
}

class InstrumentRefResponse {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({
    description:
      "SHA-256 of the instrument frozen in the session's protocol: the phone uses an instrument only if the served one has this hash",
  })
  hash: string;
}

class OwnSessionResponse {
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty() size: number;
  @ApiProperty() seatsTaken: number;
  @ApiProperty() seatsConsented: number;
  @ApiProperty({ description: 'Seats whose participant consented and answered the questions' }) seatsReady: number;
  @ApiProperty() incomplete: boolean;
  @ApiProperty({
    enum: ['console', 'phone'],
    description:
      'console: a lab session, whose research assistant keeps the time while the phones are put away; phone: an online session, each phone shows the timer',
  })
  timedBy: 'console' | 'phone';
  @ApiProperty({ type: ConversationClockResponse, nullable: true, description: 'Only where the phone keeps the time' })
  conversation: ConversationClockResponse | null;
  @ApiProperty({ type: InstructionsResponse, nullable: true, description: 'Only once the session is allocated' })
  instructions: InstructionsResponse | null;
  @ApiProperty({ enum: ['pre', 'post'], nullable: true }) phase: 'pre' | 'post' | null;
  @ApiProperty({ type: [InstrumentRefResponse], description: 'The instruments of the current phase' }) instruments: InstrumentRefResponse[];

  static of(session: SessionView): OwnSessionResponse {
    return {
      ...session,
      conversation: ConversationClockResponse.of(session.conversation),
      instructions: session.instructions && {
        steps: [...session.instructions.steps],
        topics: [...session.instructions.topics],
        conversation: session.instructions.conversation,
      },
      instruments: session.instruments.map((ref) => ({ id: ref.id, version: ref.version, hash: ref.hash })),
    };
  }
}

class CompletionResponse {
  @ApiProperty({ enum: ['code', 'redirect'] }) kind: 'code' | 'redirect';
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional({ description: 'e.g. https://app.prolific.com/submissions/complete?cc=CODE' }) url?: string;
}

class WithdrawalResponse {
  @ApiProperty({
    example: 'ABCD-EFGH-JKMN',
    description: "Typed at /withdraw to withdraw this participant's data; unguessable, and the same on every reload",
  })
  code: string;
  @ApiProperty({ example: 30, description: 'Withdrawal stays possible until this many days after the study closes' })
  daysAfterClose: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last moment to withdraw; null while the study is still running',
  })
  deadline: string | null;
}

export class ParticipantStateResponse {
  @ApiProperty({ type: ParticipantSelfResponse }) participant: ParticipantSelfResponse;
  @ApiProperty({ type: StudyTextsResponse }) study: StudyTextsResponse;
  @ApiProperty({ type: OwnSessionResponse, nullable: true }) session: OwnSessionResponse | null;
  @ApiProperty({
    type: CompletionResponse,
    nullable: true,
    description:
      'Once the session is complete and this participant submitted the post-survey, or once their session ended early because they were left alone (the debrief)',
  })
  completion: CompletionResponse | null;
  @ApiProperty({ type: WithdrawalResponse, nullable: true, description: 'Shown with the completion' })
  withdrawal: WithdrawalResponse | null;

  static of(view: ParticipantStateView): ParticipantStateResponse {
    return {
      participant: { ...view.participant, submittedPhases: [...view.participant.submittedPhases] },
      study: {
        ...view.study,
        languages: [...view.study.languages],
        covariateQuestions: view.study.covariateQuestions.map((q) => ({ ...q, levels: q.levels.map((level) => ({ ...level })) })),
      },
      session: view.session && OwnSessionResponse.of(view.session),
      completion: view.completion && { ...view.completion },
      withdrawal: view.withdrawal && { ...view.withdrawal, deadline: view.withdrawal.deadline?.toISOString() ?? null },
    };
  }
}
