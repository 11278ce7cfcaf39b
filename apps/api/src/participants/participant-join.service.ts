import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { hashSecret, newSecret } from '../common/crypto/tokens';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SitesRepository } from '../sites/sites.repository';
import { StudiesRepository } from '../studies/studies.repository';
import type { StudyDesign } from '../studies/study-design';
import type { Study } from '../studies/study.entity';
import { type JoinInput, type JoinTarget, joinTargetOf, lowestFreeSeat } from '../sessions/join-target';
import { PARTICIPANT_TOKEN_PREFIX } from './participant-auth';
import { ParticipantContexts } from './participant-context';
import type { Participant } from '../sessions/participant.entity';
import { type NewParticipant, ParticipantsRepository } from '../sessions/participants.repository';
import { ProtocolDesigns } from '../sessions/protocol-designs';
import type { StudySession } from '../sessions/session.entity';
import { externalKeyOf } from './external-key';
import { languageFor } from './participant-rules';
import { canRejoin } from '../sessions/session-state';
import { withoutPartnerQuestions } from '../allocation/stratum-policy';
import { SessionError } from '../sessions/sessions.errors';
import { isUniqueViolation, SessionsRepository } from '../sessions/sessions.repository';

export interface JoinRequestInput extends JoinInput {
  readonly language?: string;
  readonly externalIds?: { readonly PROLIFIC_PID?: string; readonly STUDY_ID?: string; readonly SESSION_ID?: string };
}

export interface JoinResult {
  readonly token: string;
  readonly participantId: string;
}

interface Placement {
  readonly study: Study;
  readonly session: StudySession | null;
  readonly seatNumber: number | null;
  /** The seat link this join uses up. */
  readonly seatLinkId?: string;
  /** The site joined through: a site's own study link; absent: the session's site, else the primary site. */
  readonly siteId?: string;
}

function requireRunning(study: Study): void {
  if (study.status !== 'launched') throw new SessionError('STUDY_NOT_RUNNING', { detail: `the study is ${study.status}` });
}

function requireForming(session: StudySession): void {
  if (session.status === 'complete' || session.status === 'abandoned' || session.status === 'ended_early')
    throw new SessionError('SESSION_CLOSED');
  if (session.status !== 'forming') throw new SessionError('SESSION_FULL');
}

function presentIds(externalIds: JoinRequestInput['externalIds']): Record<string, string> {
  return Object.fromEntries(Object.entries(externalIds ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * The rejoining person's new row: their consent and answers as given (less the questions about a
 * partner they no longer have), no seat yet, waiting from now.
 */
function rejoinedRow(participant: Participant, design: StudyDesign, tokenHash: string): NewParticipant {
  return {
    studyId: participant.studyId,
    siteId: participant.siteId,
    sessionId: null,
    seatNumber: null,
    tokenHash,
    language: participant.language,
    externalIds: participant.externalIds,
    externalKey: participant.externalKey,
    status: 'consented',
    consentVersion: participant.consentVersion,
    consentHash: participant.consentHash,
    consentedAt: participant.consentedAt,
    covariates: withoutPartnerQuestions(design, participant.covariates),
    covariatesAt: new Date(),
    rejoinedFrom: participant.id,
  };
}

/** Creates participants: from a lab seat link, a typed lab session code, or the online study link. */
@Injectable()
export class ParticipantJoinService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly studies: StudiesRepository,
    private readonly contexts: ParticipantContexts,
    private readonly audit: AuditRepository,
    private readonly designs: ProtocolDesigns,
    private readonly limiter: RateLimiter,
    private readonly sites: SitesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `clientAddress` bounds guessing of typed session codes (429 with Retry-After). */
  async join(input: JoinRequestInput, clientAddress: string): Promise<JoinResult> {
    await this.limiter.consume(`join:ip:${clientAddress}`, this.config.joinRateLimit);
    const target = joinTargetOf(input);
    if (Array.isArray(target)) throw new SessionError('INVALID_JOIN', { errors: target });
    try {
      return await this.joinOnce(target, input);
    } catch (error) {
      // The seat's UNIQUE (session_id, seat_number) is the database's word on a race we lost.
      if (isUniqueViolation(error, 'participant_one_per_seat')) throw new SessionError('SESSION_FULL');
      // Two first joins with one Prolific id raced: the second now finds the first and resumes it.
      if (isUniqueViolation(error, 'participant_external_key')) return this.joinOnce(target, input);
      throw error;
    }
  }

  private joinOnce(target: JoinTarget, input: JoinRequestInput): Promise<JoinResult> {
    return this.sessions.transaction(async (manager) => {
      const placement = await this.place(target, manager);
      const externalIds = presentIds(input.externalIds);
      const externalKey = placement.session === null ? externalKeyOf(this.config.pseudonymSecret, placement.study.id, externalIds) : null;
      const known = externalKey === null ? null : await this.participants.findByExternalKey(placement.study.id, externalKey, manager);
      if (known) return this.resume(known.id, placement.study.id, manager);
      const token = newSecret(PARTICIPANT_TOKEN_PREFIX);
      const participant = await this.participants.insert(
        {
          studyId: placement.study.id,
          siteId: placement.siteId ?? placement.session?.siteId,
          sessionId: placement.session?.id ?? null,
          seatNumber: placement.seatNumber,
          externalIds,
          externalKey,
          tokenHash: hashSecret(token),
          language: await this.languageOf(placement, input.language, manager),
        },
        manager,
      );
      if (placement.seatLinkId) await this.sessions.markSeatLinkUsed(placement.seatLinkId, manager);
      await this.audit.participant(
        'participant.joined',
        {
          participant: { id: participant.id, studyId: placement.study.id },
          data: { via: target.kind, sessionId: placement.session?.id ?? null, seatNumber: placement.seatNumber },
        },
        manager,
      );
      return { token, participantId: participant.id };
    });
  }

  /**
   * The study link opened again with a Prolific id this study knows (another browser, cleared
   * storage): the same participant continues with a new token, and the old token stops working.
   */
  private async resume(participantId: string, studyId: string, manager: EntityManager): Promise<JoinResult> {
    const token = newSecret(PARTICIPANT_TOKEN_PREFIX);
    await this.participants.update(participantId, { tokenHash: hashSecret(token) }, manager);
    await this.audit.participant(
      'participant.resumed',
      { participant: { id: participantId, studyId }, data: { via: 'study_link' } },
      manager,
    );
    return { token, participantId };
  }

  /**
   * With 'reform_remaining', a member left alone before acting on the instructions starts over:
   * a new participant (same consent, carried over as given) in the waiting room, queued from now
   * (covariates_at), with `rejoinedFrom` naming the old row. The old row leaves its seat's
   * allocation behind, so one person never holds two live allocations; UNIQUE (rejoined_from)
   * makes a second rejoin from the same row fail even when two requests race.
   */
  async rejoin(participantId: string): Promise<JoinResult> {
    try {
      return await this.contexts.run(participantId, async ({ manager, participant, study, session, design }) => {
        if (!canRejoin(design.dropoutPolicy, participant, session)) throw new SessionError('REJOIN_NOT_ALLOWED');
        requireRunning(study);
        const token = newSecret(PARTICIPANT_TOKEN_PREFIX);
        // The person's Prolific key moves to the new row (one live row per person and study).
        await this.participants.update(participant.id, { status: 'left', leftAt: new Date(), externalKey: null }, manager);
        const fresh = await this.participants.insert(rejoinedRow(participant, design, hashSecret(token)), manager);
        const data = { fromParticipantId: participant.id, fromSessionId: session?.id ?? null, toParticipantId: fresh.id };
        await this.audit.participant(
          'participant.left',
          {
            participant: { id: participant.id, studyId: study.id },
            data: { sessionId: session?.id ?? null, allocated: true, rejoined: true },
          },
          manager,
        );
        await this.audit.participant(
          'participant.rejoined',
          { participant: { id: fresh.id, studyId: study.id }, by: { actorType: 'participant', actorId: participant.id }, data },
          manager,
        );
        return { token, participantId: fresh.id };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new SessionError('REJOIN_NOT_ALLOWED');
      throw error;
    }
  }

  private async place(target: JoinTarget, manager: EntityManager): Promise<Placement> {
    if (target.kind === 'study_link') return this.placeByStudyLink(target.code, manager);
    if (target.kind === 'seat_link') {
      const link = await this.sessions.findSeatLink(hashSecret(target.secret), manager);
      if (!link) throw new SessionError('JOIN_LINK_NOT_FOUND');
      const { study, session, taken } = await this.openSession(link.sessionId, manager);
      // A link lets one person in, once: a freed seat needs a reissued link (or the typed session code).
      if (link.usedAt !== null || taken.includes(link.seatNumber)) throw new SessionError('SEAT_TAKEN');
      return { study, session, seatNumber: link.seatNumber, seatLinkId: link.id };
    }
    const byCode = await this.sessions.findLabSessionByCode(target.code, manager);
    const { study, session, taken } = await this.openSession(byCode?.id ?? null, manager);
    const seatNumber = lowestFreeSeat(session.size, taken);
    if (seatNumber === null) throw new SessionError('SESSION_FULL');
    return { study, session, seatNumber };
  }

  /** `/s/<code>`: the study's own code (its primary site) or a site's own code (that site's waiting room). */
  private async placeByStudyLink(code: string, manager: EntityManager): Promise<Placement> {
    const study = await this.sessions.findStudyByJoinCode(code, manager);
    if (study) {
      requireRunning(study);
      return { study, session: null, seatNumber: null };
    }
    const site = await this.sites.findByJoinCode(code, manager);
    const siteStudy = site ? await this.sessions.findStudyById(site.studyId, manager) : null;
    if (!site || !siteStudy) throw new SessionError('JOIN_LINK_NOT_FOUND');
    requireRunning(siteStudy);
    return { study: siteStudy, session: null, seatNumber: null, siteId: site.id };
  }

  /**
   * The language asked for, else the site's default language while the design still offers it,
   * else the design's first language.
   */
  private async languageOf(placement: Placement, requested: string | undefined, manager: EntityManager): Promise<string> {
    const design = await this.designs.ofParticipant(placement.study, placement.session, manager);
    if (requested !== undefined) return languageFor(design, requested);
    const siteId = placement.siteId ?? placement.session?.siteId;
    const site =
      siteId === undefined
        ? await this.sites.findPrimary(placement.study.id, manager)
        : await this.sites.findById(placement.study.id, siteId, manager);
    const preferred = site?.language ?? undefined;
    return languageFor(design, preferred !== undefined && design.languages.includes(preferred) ? preferred : undefined);
  }

  /** Locks a lab session that can still take people and lists its taken seats. */
  private async openSession(
    sessionId: string | null,
    manager: EntityManager,
  ): Promise<{ study: Study; session: StudySession; taken: number[] }> {
    const session = sessionId ? await this.sessions.lock(sessionId, manager) : null;
    const study = session ? await this.studies.findStudy(session.studyId, manager) : null;
    if (!session || !study) throw new SessionError('JOIN_LINK_NOT_FOUND');
    requireRunning(study);
    requireForming(session);
    const taken = (await this.participants.seated(session.id, manager)).flatMap((member) =>
      member.seatNumber === null ? [] : [member.seatNumber],
    );
    return { study, session, taken };
  }
}
