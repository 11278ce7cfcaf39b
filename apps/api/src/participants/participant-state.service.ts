import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Completion, StudyDesign } from '../studies/study-design';
import type { Study } from '../studies/study.entity';
import { StudiesRepository } from '../studies/studies.repository';
import type { Participant, ParticipantStatus } from '../sessions/participant.entity';
import {
  type ConditionInstructions,
  completionOf,
  conditionInstructions,
  consentText,
  type CovariateQuestion,
  covariateQuestions,
} from './participant-view';
import { ParticipantsRepository } from '../sessions/participants.repository';
import { type FrozenInstrument, ProtocolDesigns } from '../sessions/protocol-designs';
import type { SessionStatus, StudySession } from '../sessions/session.entity';
import { canRejoin, type ConversationClock, conversationClock, isAllocated, phaseOf } from '../sessions/session-state';
import { SessionFlow } from '../sessions/session-flow';
import { SessionsRepository } from '../sessions/sessions.repository';
import { pendingCovariates } from '../allocation/stratum-policy';
import { withdrawalCode, withdrawalCodeHash } from './withdrawal-code';
import { withdrawalWindow } from '../studies/withdrawal-window';

export interface SessionView {
  readonly status: SessionStatus;
  readonly size: number;
  readonly seatsTaken: number;
  readonly seatsConsented: number;
  readonly seatsReady: number;
  readonly incomplete: boolean;
  /** Who keeps the conversation's time: the lab console (phones are put away) or each phone (online). */
  readonly timedBy: 'console' | 'phone';
  /** The running conversation's clock, only where the phone keeps the time. */
  readonly conversation: ConversationClock | null;
  readonly instructions: ConditionInstructions | null;
  readonly phase: 'pre' | 'post' | null;
  readonly instruments: readonly FrozenInstrument[];
}

export interface ParticipantStateView {
  readonly participant: {
    readonly id: string;
    readonly status: ParticipantStatus;
    readonly language: string;
    readonly seatNumber: number | null;
    readonly consentGiven: boolean;
    readonly covariatesAnswered: boolean;
    readonly instructionsConfirmed: boolean;
    readonly canRejoin: boolean;
    /** The phases whose once-only submit the server holds (phase_submission 'done'): the phone's "already submitted". */
    readonly submittedPhases: readonly Phase[];
  };
  readonly study: {
    readonly title: string;
    readonly languages: readonly string[];
    readonly consent: { readonly version: string; readonly text: string };
    readonly covariateQuestions: readonly CovariateQuestion[];
  };
  readonly session: SessionView | null;
  readonly completion: Completion | null;
  /** With the completion: the participant's withdrawal code and until when it works. */
  readonly withdrawal: WithdrawalView | null;
}

type Phase = 'pre' | 'post';

export interface WithdrawalView {
  readonly code: string;
  readonly daysAfterClose: number;
  /** Null while the study still runs: the period ends daysAfterClose days after it closes. */
  readonly deadline: Date | null;
}

function isStillIn(participant: Participant): boolean {
  return participant.status === 'consented' && participant.leftAt === null;
}

/**
 * What one participant may see: their own record, their protocol's texts, their own session. Never
 * anyone's answers, and never the condition's name. Every text comes from the one design the
 * participant runs (ProtocolDesigns.ofParticipant).
 */
@Injectable()
export class ParticipantStateService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly studies: StudiesRepository,
    private readonly flow: SessionFlow,
    private readonly designs: ProtocolDesigns,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `participant` as the guard loaded it for this request. */
  async state(participant: Participant): Promise<ParticipantStateView> {
    // Reading the state is one of the moments a finished conversation moves on to the post-survey.
    if (participant.sessionId) await this.flow.refresh(participant.sessionId);
    const study = await this.studies.findStudy(participant.studyId);
    if (!study) throw new Error(`study of participant ${participant.id} not found`);
    const session = participant.sessionId ? await this.sessions.findById(participant.sessionId) : null;
    const design = await this.designs.ofParticipant(study, session);
    const pending = pendingCovariates(design, participant.covariates, session !== null);
    const submittedPhases = await this.submittedPhases(participant.id);
    const finished = this.isFinished(participant, session, submittedPhases);
    return {
      participant: {
        id: participant.id,
        status: participant.status,
        language: participant.language,
        seatNumber: participant.seatNumber,
        consentGiven: participant.consentedAt !== null,
        covariatesAnswered: participant.covariatesAt !== null && pending.length === 0,
        instructionsConfirmed: participant.instructionsConfirmedAt !== null,
        canRejoin: canRejoin(design.dropoutPolicy, participant, session),
        submittedPhases,
      },
      study: this.studyTexts(study, design, participant, pending),
      session: session ? await this.sessionView(session, design, participant) : null,
      completion: finished ? completionOf(design.completion) : null,
      withdrawal: finished ? await this.withdrawalView(participant, design, study) : null,
    };
  }

  /** The code is derived from the participant's id, so a reload shows the same one; its hash is what a withdrawal looks up. */
  private async withdrawalView(participant: Participant, design: StudyDesign, study: Study): Promise<WithdrawalView> {
    const code = withdrawalCode(this.config.pseudonymSecret, participant.id);
    if (participant.withdrawalCodeHash === null) await this.participants.rememberWithdrawalCode(participant.id, withdrawalCodeHash(code));
    return { code, ...withdrawalWindow(design, study.seedRevealedAt) };
  }

  private studyTexts(
    study: Study,
    design: StudyDesign,
    participant: Participant,
    pending: Parameters<typeof covariateQuestions>[1],
  ): ParticipantStateView['study'] {
    return {
      title: study.title,
      languages: design.languages,
      consent: { version: design.consent.version, text: consentText(design, participant.language) },
      covariateQuestions: covariateQuestions(design, pending, participant.language),
    };
  }

  /** Only finished submits count: one still in flight ('in_progress') may yet fail, and the phone must be able to retry it. */
  private async submittedPhases(participantId: string): Promise<Phase[]> {
    const phases: readonly Phase[] = ['pre', 'post'];
    const done = await Promise.all(phases.map((phase) => this.participants.hasSubmitted(participantId, phase)));
    return phases.filter((_, index) => done[index]);
  }

  /** Done: their post-survey is in, or their session ended early while they were still in it (the debrief). */
  private isFinished(participant: Participant, session: StudySession | null, submitted: readonly Phase[]): boolean {
    if (session?.status === 'ended_early') return isStillIn(participant);
    return session?.status === 'complete' && submitted.includes('post');
  }

  private async sessionView(session: StudySession, design: StudyDesign, participant: Participant): Promise<SessionView> {
    const members = await this.participants.seated(session.id);
    const consented = members.filter((member) => member.consentedAt !== null && member.status !== 'declined');
    const phase = phaseOf(session.status);
    const timedBy = session.mode === 'lab' ? 'console' : 'phone';
    return {
      status: session.status,
      size: session.size,
      seatsTaken: members.length,
      seatsConsented: consented.length,
      seatsReady: consented.filter((member) => member.covariatesAt !== null).length,
      incomplete: session.incomplete,
      timedBy,
      conversation:
        timedBy === 'phone' && session.status === 'conversation' ? conversationClock(session, await this.sessions.databaseNow()) : null,
      instructions: isAllocated(session.status, session.conditionId)
        ? conditionInstructions(design, session.conditionId, participant.language)
        : null,
      phase,
      instruments: phase ? await this.designs.frozenInstruments(session, phase) : [],
    };
  }
}
