import { Injectable } from '@nestjs/common';
import { StudiesRepository } from '../studies/studies.repository';
import type { Completion, InstrumentRef } from '../studies/study-design';
import type { Participant, ParticipantStatus } from './participant.entity';
import { type ConditionInstructions, completionOf, conditionInstructions, consentText, type CovariateQuestion, covariateQuestions } from './participant-view';
import { ParticipantsRepository } from './participants.repository';
import type { SessionStatus, StudySession } from './session.entity';
import { canRejoin, type ConversationClock, conversationClock, isAllocated, phaseOf } from './session-state';
import { SessionFlow } from './session-flow';
import { SessionsRepository } from './sessions.repository';

export interface SessionView {
  readonly status: SessionStatus;
  readonly size: number;
  readonly seatsTaken: number;
  readonly seatsConsented: number;
  readonly seatsReady: number;
  readonly incomplete: boolean;
  readonly conversation: ConversationClock | null;
  readonly instructions: ConditionInstructions | null;
  readonly phase: 'pre' | 'post' | null;
  readonly instruments: readonly InstrumentRef[];
}

export interface ParticipantStateView {
  readonly participant: {
    readonly id: string; readonly status: ParticipantStatus; readonly language: string; readonly seatNumber: number | null;
    readonly consentGiven: boolean; readonly covariatesAnswered: boolean; readonly instructionsConfirmed: boolean; readonly canRejoin: boolean;
  };
  readonly study: {
    readonly title: string; readonly languages: readonly string[];
    readonly consent: { readonly version: string; readonly text: string };
    readonly covariateQuestions: readonly CovariateQuestion[];
  };
  readonly session: SessionView | null;
  readonly completion: Completion | null;
}

/** What one participant may see: their own record, their study's texts, their own session. Never anyone's answers. */
@Injectable()
export class ParticipantStateService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly studies: StudiesRepository,
    private readonly flow: SessionFlow,
  ) {}

  /** `participant` as the guard loaded it for this request. */
  async state(participant: Participant): Promise<ParticipantStateView> {
    // Reading the state is one of the moments a finished conversation moves on to the post-survey.
    if (participant.sessionId) await this.flow.refresh(participant.sessionId);
    const study = await this.studies.findStudy(participant.studyId);
    if (!study) throw new Error(`study of participant ${participant.id} not found`);
    const session = participant.sessionId ? await this.sessions.findById(participant.sessionId) : null;
    const design = study.design;
    const completed = session?.status === 'complete' && (await this.participants.hasSubmitted(participant.id, 'post'));
    return {
      participant: {
        id: participant.id, status: participant.status, language: participant.language, seatNumber: participant.seatNumber,
        consentGiven: participant.consentedAt !== null, covariatesAnswered: participant.covariatesAt !== null,
        instructionsConfirmed: participant.instructionsConfirmedAt !== null, canRejoin: canRejoin(design.dropoutPolicy, participant, session),
      },
      study: {
        title: study.title, languages: design.languages,
        consent: { version: design.consent.version, text: consentText(design, participant.language) },
        covariateQuestions: covariateQuestions(design, participant.language),
      },
      session: session ? await this.sessionView(session, participant) : null,
      completion: completed ? completionOf(design.completion) : null,
    };
  }

  /** The session's screens come from the protocol version it runs under (see SessionFlow). */
  private async sessionView(session: StudySession, participant: Participant): Promise<SessionView> {
    const design = await this.flow.designOf(session);
    const members = await this.participants.seated(session.id);
    const consented = members.filter((member) => member.consentedAt !== null && member.status !== 'declined');
    const phase = phaseOf(session.status);
    return {
      status: session.status,
      size: session.size,
      seatsTaken: members.length,
      seatsConsented: consented.length,
      seatsReady: consented.filter((member) => member.covariatesAt !== null).length,
      incomplete: session.incomplete,
      conversation: session.status === 'conversation' ? conversationClock(session, await this.sessions.databaseNow()) : null,
      instructions: isAllocated(session.status, session.conditionId) ? conditionInstructions(design, session.conditionId, participant.language) : null,
      phase,
      instruments: phase ? design.instruments[phase] : [],
    };
  }

}
