import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Sql } from '../common/database/sql';
import { AuditEvent } from './audit-event.entity';
import type { AccountAction, AuditAction, AuditData, ParticipantAction, StudyAction } from './audit-catalogue';

/** Who did it: a signed-in user, a participant by their token, or the platform itself (actorId null). */
export interface AuditActor {
  readonly actorType: AuditEvent['actorType'];
  readonly actorId: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { actorType: 'system', actorId: null };

export function userActor(userId: string): AuditActor {
  return { actorType: 'user', actorId: userId };
}

/** What an event is about, when that is not the study itself: `['session', id]`. */
export type AuditSubject = readonly [
  type: 'access_token' | 'export' | 'participant' | 'protocol' | 'session' | 'site' | 'site_summary' | 'user',
  id: string,
];

// An event with nothing to say beyond its name may leave `data` out.
type DataOf<A extends AuditAction> =
  Record<string, never> extends AuditData<A> ? { readonly data?: AuditData<A> } : { readonly data: AuditData<A> };

/** One event as stored: the action names it, and the catalogue decides the shape of its data. */
export type AuditRecord = {
  [A in AuditAction]: AuditActor & {
    readonly action: A;
    readonly studyId?: string | null;
    readonly subjectType?: string | null;
    readonly subjectId?: string | null;
  } & DataOf<A>;
}[AuditAction];

export type ParticipantEvent<A extends ParticipantAction> = {
  readonly participant: { readonly id: string; readonly studyId: string };
  /** Another actor than the participant themselves: the system seating them, a researcher withdrawing them. */
  readonly by?: AuditActor;
} & DataOf<A>;

export type StudyEvent<A extends StudyAction> = {
  readonly studyId: string;
  readonly by: AuditActor;
  readonly subject?: AuditSubject;
} & DataOf<A>;

export type AccountEvent<A extends AccountAction> = { readonly by: AuditActor; readonly subject: AuditSubject } & DataOf<A>;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Something a participant did, or that was done to them; subject and (unless `by`) actor are the participant. */
  participant<A extends ParticipantAction>(action: A, event: ParticipantEvent<A>, sql?: Sql): Promise<void> {
    const { participant, by, data } = event;
    return this.write(
      by ?? { actorType: 'participant', actorId: participant.id },
      action,
      participant.studyId,
      ['participant', participant.id],
      data,
      sql,
    );
  }

  /** Something done in a study: to the study itself, or to the `subject` (a session, a site, a protocol…). */
  study<A extends StudyAction>(action: A, event: StudyEvent<A>, sql?: Sql): Promise<void> {
    return this.write(event.by, action, event.studyId, event.subject, event.data, sql);
  }

  /** Something done to an account or its access tokens, outside any study. */
  account<A extends AccountAction>(action: A, event: AccountEvent<A>, sql?: Sql): Promise<void> {
    return this.write(event.by, action, null, event.subject, event.data, sql);
  }

  /** Pass the use case's transaction (its manager or Sql) so the event commits or rolls back with it. */
  async append(record: AuditRecord, sql: Sql = this.dataSource.manager): Promise<void> {
    // Plain SQL: this runs inside nearly every use case, including the participant's submit.
    await sql.query(
      `INSERT INTO audit_event (actor_type, actor_id, action, study_id, subject_type, subject_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        record.actorType,
        record.actorId,
        record.action,
        record.studyId ?? null,
        record.subjectType ?? null,
        record.subjectId ?? null,
        JSON.stringify(record.data ?? {}),
      ],
    );
  }

  async listForStudy(studyId: string, limit: number): Promise<AuditEvent[]> {
    return this.dataSource.manager.find(AuditEvent, {
      where: { studyId },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  // The helpers' checked shapes meet here; `append` re-checks nothing a helper did not.
  private write(
    actor: AuditActor,
    action: AuditAction,
    studyId: string | null,
    subject: AuditSubject | undefined,
    data: object | undefined,
    sql: Sql | undefined,
  ): Promise<void> {
    const [subjectType, subjectId] = subject ?? [null, null];
    return this.append({ ...actor, action, studyId, subjectType, subjectId, data } as AuditRecord, sql);
  }
}
