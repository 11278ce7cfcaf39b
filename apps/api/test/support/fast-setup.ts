import { participantOf, type Participant } from '@attune/api-client';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashSecret, newSecret, sha256Hex } from '../../src/common/crypto/tokens';
import { seedCommitment } from '../../src/randomisation/keyed-random';
import { Participant as ParticipantRow } from '../../src/sessions/participant.entity';
import { type SessionStatus, StudySession } from '../../src/sessions/session.entity';
import { Protocol } from '../../src/studies/protocol.entity';
import { snapshotProtocol } from '../../src/studies/protocol-snapshot';
import type { InstrumentRef, StudyDesign } from '../../src/studies/study-design';
import { findTemplate } from '../../src/studies/study-templates';
import { Study } from '../../src/studies/study.entity';
import type { TestApp } from './app';
import { baseUrlOf } from './http-client';

// The fast path of the test toolkit. The builders of @attune/api-client set up through HTTP, as a
// researcher and the phones would, and are the default. These write the same rows by direct
// inserts (real rows, real constraints) for bulk set-up, or where a test is about what happens
// after join and consent and should not depend on that flow. Their seats carry real tokens, so the
// typed client drives them from there (participantOfSeat).

export const INSTRUMENTS: { readonly pre: readonly InstrumentRef[]; readonly post: readonly InstrumentRef[] } = {
  pre: [
    { id: 'closeness_sci', version: 1 },
    { id: 'check_phone', version: 1 },
  ],
  post: [{ id: 'ios', version: 1 }],
};

/** A complete, valid pre-phase answer set for INSTRUMENTS.pre (sci mean = 4). */
export const VALID_PRE = {
  closeness_sci: { sci_relative_own: 5, sci_relative_others: 3 },
  check_phone: { phone_present: 'yes', phone_object_recalled: 'phone' },
};

export interface SeatFixture {
  readonly participantId: string;
  readonly token: string;
  readonly consentHash: string;
}

export interface SessionFixture {
  readonly studyId: string;
  readonly sessionId: string;
  readonly seats: readonly SeatFixture[];
}

export interface SessionOptions {
  readonly status?: SessionStatus;
  readonly seats?: number;
  readonly consented?: boolean;
  /** For status 'conversation': started long enough ago that its time is up. */
  readonly conversationOver?: boolean;
}

export function unique(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;
}

async function createLaunchedStudy(app: TestApp): Promise<string> {
  const template = findTemplate('phone_only');
  if (!template) throw new Error('phone_only template missing');
  const design: StudyDesign = { ...template.design, instruments: INSTRUMENTS };
  const seedHex = randomBytes(32).toString('hex');
  const manager = app.db.dataSource.manager;
  const createdBy = randomUUID();
  const title = 'Responses fixture';
  const study = await manager.insert(Study, {
    title,
    design,
    status: 'launched',
    joinCode: unique('J'),
    protocolVersion: 1,
    seedHex,
    seedCommitment: seedCommitment(seedHex),
    createdBy,
  });
  const studyId = (study.identifiers[0] as { id: string }).id;
  const snapshot = snapshotProtocol({ studyId, version: 1, title, design, seedCommitment: seedCommitment(seedHex), reason: null });
  await manager.insert(Protocol, {
    studyId,
    version: 1,
    canonicalJson: snapshot.canonicalJson,
    hash: snapshot.hash,
    reason: null,
    createdBy,
  });
  return studyId;
}

async function seat(app: TestApp, studyId: string, sessionId: string, seatNumber: number, consented: boolean): Promise<SeatFixture> {
  const token = newSecret('atp_');
  const consentHash = sha256Hex(`consent text v1 ${seatNumber}`);
  const inserted = await app.db.dataSource.manager.insert(ParticipantRow, {
    studyId,
    sessionId,
    seatNumber,
    tokenHash: hashSecret(token),
    status: consented ? 'consented' : 'joined',
    consentVersion: consented ? '1' : null,
    consentHash: consented ? consentHash : null,
    consentedAt: consented ? new Date() : null,
  });
  return { participantId: (inserted.identifiers[0] as { id: string }).id, token, consentHash };
}

/** A launched study (protocol v1 with INSTRUMENTS), one allocated session and its seated participants. */
export async function createSession(app: TestApp, options: SessionOptions = {}): Promise<SessionFixture> {
  const studyId = await createLaunchedStudy(app);
  const size = options.seats ?? 2;
  const status = options.status ?? 'pre_survey';
  const inConversation = status === 'conversation';
  const inserted = await app.db.dataSource.manager.insert(StudySession, {
    studyId,
    mode: 'lab',
    code: unique('S'),
    status,
    size,
    protocolVersion: 1,
    conditionId: 'phone=present',
    conversationStartedAt: inConversation ? new Date(Date.now() - (options.conversationOver ? 700_000 : 1_000)) : null,
    conversationSeconds: inConversation ? 600 : null,
  });
  const sessionId = (inserted.identifiers[0] as { id: string }).id;
  const seats: SeatFixture[] = [];
  for (let number = 1; number <= size; number += 1) seats.push(await seat(app, studyId, sessionId, number, options.consented ?? true));
  return { studyId, sessionId, seats };
}

export async function setSessionStatus(app: TestApp, sessionId: string, status: SessionStatus): Promise<void> {
  await app.db.dataSource.query('UPDATE study_session SET status = $2 WHERE id = $1', [sessionId, status]);
}

/** A seat set up by the fast path, as a typed phone of @attune/api-client against the test app. */
export async function participantOfSeat(app: TestApp, seat: SeatFixture): Promise<Participant> {
  return participantOf(await baseUrlOf(app), seat.token, seat.participantId);
}
