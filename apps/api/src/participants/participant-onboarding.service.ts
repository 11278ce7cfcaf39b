import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { sha256Hex } from '../common/crypto/tokens';
import { Allocator } from '../allocation/allocator';
import { type ParticipantContext, ParticipantContexts } from './participant-context';
import { consentText } from './participant-view';
import { ParticipantsRepository } from '../sessions/participants.repository';
import { SessionError } from '../sessions/sessions.errors';
import { checkCovariateAnswers, pendingCovariates } from '../allocation/stratum-policy';
import { languageFor, requireOpen, requireStillIn } from './participant-rules';
import { WaitingRoom } from './waiting-room';

/** Set when the participant now waits in the study's online waiting room. */
interface Outcome {
  readonly waitingIn: string | null;
}

const DONE: Outcome = { waitingIn: null };

/** Consent, then the covariate questions: after both, a seated member may complete allocation. */
@Injectable()
export class ParticipantOnboardingService {
  constructor(
    private readonly contexts: ParticipantContexts,
    private readonly participants: ParticipantsRepository,
    private readonly allocator: Allocator,
    private readonly waitingRoom: WaitingRoom,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Stores the consent version and the SHA-256 of the exact text shown (in the participant's
   * language). Declining frees the seat and stores nothing else.
   */
  async consent(participantId: string, input: { consentVersion: string; agree: boolean }): Promise<void> {
    const outcome = await this.contexts.run(participantId, async (context) => {
      const { manager, participant, session, design } = context;
      requireStillIn(participant);
      if (participant.status !== 'joined') throw new SessionError('CONSENT_ALREADY_ANSWERED');
      requireOpen(session);
      if (!input.agree) return this.decline(context);
      if (input.consentVersion !== design.consent.version)
        throw new SessionError('CONSENT_OUTDATED', { detail: `the current consent version is ${design.consent.version}` });
      const consentHash = sha256Hex(consentText(design, participant.language));
      // With no questions to ask now, the covariate step is complete at consent (partner questions may follow seating).
      const noQuestions = pendingCovariates(design, {}, session !== null).length === 0;
      const now = new Date();
      await this.participants.update(
        participant.id,
        {
          status: 'consented',
          consentVersion: design.consent.version,
          consentHash,
          consentedAt: now,
          ...(noQuestions ? { covariates: {}, covariatesAt: now } : {}),
        },
        manager,
      );
      await this.audit.participant(
        'participant.consented',
        {
          participant,
          data: { consentVersion: design.consent.version, consentHash, sessionId: session?.id ?? null },
        },
        manager,
      );
      return noQuestions ? this.afterReady(context) : DONE;
    });
    if (outcome.waitingIn) await this.waitingRoom.tryForm(outcome.waitingIn);
  }

  /**
   * Before consent the participant may pick another of the study's languages; from consent on the
   * language is part of what was agreed to (the consent hash is of the text in that language).
   */
  async chooseLanguage(participantId: string, requested: string): Promise<void> {
    await this.contexts.run(participantId, async ({ manager, participant, session, design }) => {
      requireStillIn(participant);
      if (participant.status !== 'joined') throw new SessionError('LANGUAGE_LOCKED');
      requireOpen(session);
      const language = languageFor(design, requested);
      if (language === participant.language) return;
      await this.participants.update(participant.id, { language }, manager);
      await this.audit.participant(
        'participant.language_chosen',
        { participant, data: { from: participant.language, to: language } },
        manager,
      );
    });
  }

  /**
   * The questions pending now, all required: everything about themselves, and questions about the
   * partner once seated with one. A seated session may be allocated right after.
   */
  async answerCovariates(participantId: string, values: Readonly<Record<string, unknown>>): Promise<void> {
    const outcome = await this.contexts.run(participantId, async (context) => {
      const { manager, participant, session, design } = context;
      requireStillIn(participant);
      if (participant.status !== 'consented') throw new SessionError('CONSENT_REQUIRED');
      const pending = pendingCovariates(design, participant.covariates, session !== null);
      if (participant.covariatesAt !== null && pending.length === 0) throw new SessionError('COVARIATES_ALREADY_ANSWERED');
      requireOpen(session);
      if (session !== null && session.status !== 'forming')
        throw new SessionError('COVARIATES_ALREADY_ANSWERED', { detail: 'the session is already allocated' });
      const issues = checkCovariateAnswers(design, values, pending);
      if (issues.length > 0) throw new SessionError('INVALID_COVARIATES', { detail: `${issues.length} problem(s)`, errors: issues });
      const now = new Date();
      const covariates = { ...participant.covariates, ...(values as Record<string, string>) };
      await this.participants.update(
        participant.id,
        { covariates, covariatesAt: participant.covariatesAt ?? now, lastSeenAt: now },
        manager,
      );
      await this.audit.participant(
        'participant.covariates_answered',
        { participant, data: { covariateIds: Object.keys(values) } },
        manager,
      );
      return this.afterReady(context);
    });
    if (outcome.waitingIn) await this.waitingRoom.tryForm(outcome.waitingIn);
  }

  private async decline({ manager, participant, session }: ParticipantContext): Promise<Outcome> {
    await this.participants.update(participant.id, { status: 'declined', sessionId: null, seatNumber: null }, manager);
    await this.audit.participant('participant.declined', { participant, data: { sessionId: session?.id ?? null } }, manager);
    return DONE;
  }

  /** A seated member may complete the session's allocation; an unseated one now waits for partners. */
  private async afterReady({ manager, participant, study, session, design }: ParticipantContext): Promise<Outcome> {
    // Forming waits until this transaction commits, so the waiting room sees this participant.
    if (!session) return { waitingIn: study.id };
    await this.allocator.tryAllocate(manager, session, design, { actorType: 'participant', actorId: participant.id });
    return DONE;
  }
}
