import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditRecord {
  readonly actorType: AuditEvent['actorType'];
  readonly actorId: string | null;
  readonly action: string;
  readonly studyId?: string | null;
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  /** Identifiers and codes only: never answers, free text or tokens. */
  readonly data?: Record<string, unknown>;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the use case's transaction manager so the event commits or rolls back with it. */
  async append(record: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    // Plain SQL: this runs inside nearly every use case, including the participant's submit.
    await manager.query(
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
}
