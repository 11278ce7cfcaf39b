import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Sql } from '../common/database/sql';
import type { DataSource, EntityManager } from 'typeorm';
import type { DraftEdit } from './draft-edits';
import { Protocol } from './protocol.entity';
import type { StudyDesign } from './study-design';
import { type StudyRole, StudyMember } from './study-member.entity';
import { Study } from './study.entity';
import { checkedRows, isAnything, isDate, isNumber, isRecord, isString, nullable } from '../common/database/row-shapes';

export interface StudyWithRole {
  readonly study: Study;
  readonly role: StudyRole;
}

@Injectable()
export class StudiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async listForUser(userId: string): Promise<StudyWithRole[]> {
    const members = await this.dataSource.manager.find(StudyMember, {
      where: { userId },
      relations: { study: true },
      order: { createdAt: 'DESC' },
    });
    return members.filter((m) => m.study).map((m) => ({ study: m.study as Study, role: m.role }));
  }

  async listAll(): Promise<Study[]> {
    return this.dataSource.manager.find(Study, { order: { createdAt: 'DESC' } });
  }

  findStudy(id: string, manager: EntityManager = this.dataSource.manager): Promise<Study | null> {
    return manager.findOneBy(Study, { id });
  }

  /** Locks the study row: status changes and amendments are serialised per study. */
  findStudyForUpdate(id: string, manager: EntityManager): Promise<Study | null> {
    return manager.createQueryBuilder(Study, 's').addSelect('s.seedHex').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  /**
   * The design frozen in protocol `version`: what a session created under it runs (its instruments,
   * instructions and timings), whatever was amended since.
   */
  async findProtocolDesign(studyId: string, version: number, sql: Sql = this.dataSource.manager): Promise<StudyDesign | null> {
    const rows = await sql.query(`SELECT canonical_json::jsonb -> 'design' AS design FROM protocol WHERE study_id = $1 AND version = $2`, [
      studyId,
      version,
    ]);
    const design = checkedRows(rows, { design: nullable(isRecord) }, 'frozen design')[0]?.design;
    // checkDesign passed on it before it was frozen and hashed, and protocol rows are never updated.
    return (design as StudyDesign | undefined) ?? null;
  }

  /** The frozen protocol's instrument list, [{ phase, id, version, hash }] as stored (raw: the caller checks it). */
  async findProtocolInstruments(studyId: string, version: number): Promise<unknown> {
    const rows: unknown = await this.dataSource.query(
      `SELECT canonical_json::jsonb -> 'instruments' AS instruments FROM protocol WHERE study_id = $1 AND version = $2`,
      [studyId, version],
    );
    return checkedRows(rows, { instruments: isAnything }, 'frozen instruments')[0]?.instruments ?? null;
  }

  /** The secret seed, for the allocation transaction and for verification after close. */
  async findSeed(id: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const row = await manager.createQueryBuilder(Study, 's').select(['s.id']).addSelect('s.seedHex').where('s.id = :id', { id }).getOne();
    return row?.seedHex ?? null;
  }

  findRole(studyId: string, userId: string): Promise<StudyMember | null> {
    return this.dataSource.manager.findOneBy(StudyMember, { studyId, userId });
  }

  async insertStudy(
    study: Pick<Study, 'title' | 'description' | 'design' | 'joinCode' | 'createdBy'>,
    manager: EntityManager,
  ): Promise<Study> {
    const result = await manager.insert(Study, { ...study, status: 'draft' });
    return manager.findOneByOrFail(Study, { id: (result.identifiers[0] as { id: string }).id });
  }

  async upsertMember(studyId: string, userId: string, role: StudyRole, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.upsert(StudyMember, { studyId, userId, role }, ['studyId', 'userId']);
  }

  async saveStudy(study: Study, manager: EntityManager): Promise<Study> {
    return manager.save(Study, study);
  }

  /** Draft edits saved after `revision`, oldest first, from their audit events (which name the parts changed). */
  async listDraftEditsSince(studyId: string, revision: number, manager: EntityManager): Promise<DraftEdit[]> {
    const rows: unknown = await manager.query(
      `SELECT (e.data->>'revision')::int AS revision, u.email, e.occurred_at AS at, e.data->'parts' AS parts
         FROM audit_event e LEFT JOIN app_user u ON u.id::text = e.actor_id
        WHERE e.study_id = $1 AND e.action = 'study.design_edited' AND (e.data->>'revision')::int > $2
        ORDER BY e.id`,
      [studyId, revision],
    );
    const edits = checkedRows(rows, { revision: isNumber, email: nullable(isString), at: isDate, parts: isAnything }, 'draft edits');
    return edits.map((row) => ({
      ...row,
      parts: Array.isArray(row.parts) ? row.parts.filter((part): part is string => typeof part === 'string') : [],
    }));
  }

  async insertProtocol(
    protocol: Pick<Protocol, 'studyId' | 'version' | 'canonicalJson' | 'hash' | 'reason' | 'createdBy'>,
    manager: EntityManager,
  ): Promise<Protocol> {
    const result = await manager.insert(Protocol, protocol);
    return manager.findOneByOrFail(Protocol, { id: (result.identifiers[0] as { id: string }).id });
  }

  listProtocols(studyId: string): Promise<Protocol[]> {
    return this.dataSource.manager.find(Protocol, { where: { studyId }, order: { version: 'ASC' } });
  }

  findProtocol(studyId: string, version: number): Promise<Protocol | null> {
    return this.dataSource.manager.findOneBy(Protocol, { studyId, version });
  }
}
