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
    await manager.insert(AuditEvent, {
      actorType: record.actorType,
      actorId: record.actorId,
      action: record.action,
      studyId: record.studyId ?? null,
      subjectType: record.subjectType ?? null,
      subjectId: record.subjectId ?? null,
      data: (record.data ?? {}) as AuditEvent["data"] & object,
    });
  }

  async listForStudy(studyId: string, limit: number): Promise<AuditEvent[]> {
    return this.dataSource.manager.find(AuditEvent, {
      where: { studyId },
      order: { id: 'DESC' },
      take: limit,
    });
  }
}
