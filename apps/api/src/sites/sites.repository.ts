import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { StudySite } from './study-site.entity';
import { checkedRows, isNumber, isString } from '../common/database/row-shapes';

export type NewSite = Pick<StudySite, 'studyId' | 'code' | 'name' | 'country' | 'language' | 'joinCode'>;
export type SitePatch = Partial<Pick<StudySite, 'code' | 'name' | 'country' | 'language'>>;

export interface SiteRow {
  readonly site: StudySite;
  readonly sessions: number;
}

/** A study's sites: named queries only. */
@Injectable()
export class SitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The primary site first, then by creation. */
  async listWithSessionCounts(studyId: string): Promise<SiteRow[]> {
    const sites = await this.dataSource.manager.find(StudySite, {
      where: { studyId },
      order: { isPrimary: 'DESC', createdAt: 'ASC', code: 'ASC' },
    });
    const counts = checkedRows(
      await this.dataSource.query(`SELECT site_id, count(*)::int AS n FROM study_session WHERE study_id = $1 GROUP BY site_id`, [studyId]),
      { site_id: isString, n: isNumber },
      'sessions per site',
    );
    const bySite = new Map(counts.map((row) => [row.site_id, row.n]));
    return sites.map((site) => ({ site, sessions: bySite.get(site.id) ?? 0 }));
  }

  findById(studyId: string, siteId: string, manager: EntityManager = this.dataSource.manager): Promise<StudySite | null> {
    return manager.findOneBy(StudySite, { studyId, id: siteId });
  }

  findByCode(studyId: string, code: string, manager: EntityManager = this.dataSource.manager): Promise<StudySite | null> {
    return manager.findOneBy(StudySite, { studyId, code });
  }

  findPrimary(studyId: string, manager: EntityManager = this.dataSource.manager): Promise<StudySite | null> {
    return manager.findOneBy(StudySite, { studyId, isPrimary: true });
  }

  /** A non-primary site by its own study link code. */
  findByJoinCode(joinCode: string, manager: EntityManager = this.dataSource.manager): Promise<StudySite | null> {
    return manager.findOneBy(StudySite, { joinCode });
  }

  /** Whether a study link code is in use, by a study or a site (both resolve `/s/<code>`). */
  async joinCodeInUse(joinCode: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM study WHERE join_code = $1 UNION ALL SELECT 1 FROM study_site WHERE join_code = $1 LIMIT 1`,
      [joinCode],
    );
    return rows.length > 0;
  }

  async hasSessions(siteId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM study_session WHERE site_id = $1 LIMIT 1`, [siteId]);
    return rows.length > 0;
  }

  async insert(site: NewSite, manager: EntityManager): Promise<StudySite> {
    const result = await manager.insert(StudySite, { ...site, isPrimary: false });
    return manager.findOneByOrFail(StudySite, { id: (result.identifiers[0] as { id: string }).id });
  }

  /** Row-locks the site: a code change and a first session cannot interleave. */
  lock(studyId: string, siteId: string, manager: EntityManager): Promise<StudySite | null> {
    return manager
      .createQueryBuilder(StudySite, 's')
      .setLock('pessimistic_write')
      .where('s.id = :siteId AND s.studyId = :studyId', { siteId, studyId })
      .getOne();
  }

  /**
   * Taken by whoever creates a session at the site: it waits for a code change in progress, and a
   * code change (lock above) waits for it, so "no session uses this code" stays true until commit.
   */
  async lockShared(siteId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT 1 FROM study_site WHERE id = $1 FOR SHARE`, [siteId]);
  }

  async update(siteId: string, patch: SitePatch, manager: EntityManager): Promise<StudySite> {
    if (Object.keys(patch).length > 0) await manager.update(StudySite, { id: siteId }, patch);
    return manager.findOneByOrFail(StudySite, { id: siteId });
  }
}
