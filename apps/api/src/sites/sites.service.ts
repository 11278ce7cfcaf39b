import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { newCode } from '../studies/studies.service';
import { StudyAccess, type StudyAccessGrant } from '../studies/study-access';
import type { Study } from '../studies/study.entity';
import { checkSiteFields } from './site-rules';
import { SiteError } from './sites.errors';
import { type SitePatch, type SiteRow, SitesRepository } from './sites.repository';
import type { StudySite } from './study-site.entity';

export interface NewSiteInput {
  readonly code: string;
  readonly name: string;
  readonly country?: string;
  readonly language?: string;
}

export interface SiteList {
  readonly study: Study;
  readonly rows: readonly SiteRow[];
}

/** How many fresh join codes to try before giving up (8 characters: a collision is already rare). */
const JOIN_CODE_ATTEMPTS = 5;

/**
 * The sites of a study, and which site a caller acts at or reads. A new site is a new set of
 * strata; nothing already allocated changes, so sites may be added while the study runs.
 */
@Injectable()
export class SitesService {
  constructor(
    private readonly sites: SitesRepository,
    private readonly access: StudyAccess,
    private readonly audit: AuditRepository,
  ) {}

  async list(principal: Principal, studyId: string): Promise<SiteList> {
    const { study } = await this.access.require(principal, studyId, 'analyst');
    return { study, rows: await this.sites.listWithSessionCounts(studyId) };
  }

  async create(principal: Principal, studyId: string, input: NewSiteInput): Promise<{ study: Study; row: SiteRow }> {
    const { study } = await this.access.require(principal, studyId, 'owner');
    if (study.status === 'closed') throw new SiteError('STUDY_CLOSED');
    this.check(study, input);
    const site = await this.sites.transaction(async (manager) => {
      if (await this.sites.findByCode(studyId, input.code, manager))
        throw new SiteError('SITE_CODE_TAKEN', { detail: `"${input.code}" is taken` });
      const created = await this.sites.insert(
        {
          studyId,
          code: input.code,
          name: input.name,
          country: input.country ?? null,
          language: input.language ?? null,
          joinCode: await this.freshJoinCode(manager),
        },
        manager,
      );
      await this.audit.study(
        'site.created',
        { studyId, by: userActor(principal.userId), subject: ['site', created.id], data: { code: created.code } },
        manager,
      );
      return created;
    });
    return { study, row: { site, sessions: 0 } };
  }

  async update(principal: Principal, studyId: string, siteId: string, patch: SitePatch): Promise<{ study: Study; row: SiteRow }> {
    const { study } = await this.access.require(principal, studyId, 'owner');
    this.check(study, patch);
    const saved = await this.sites.transaction(async (manager) => {
      const site = await this.sites.lock(studyId, siteId, manager);
      if (!site) throw new SiteError('SITE_NOT_FOUND');
      if (patch.code !== undefined && patch.code !== site.code) await this.requireCodeFree(site, patch.code, manager);
      const updated = await this.sites.update(siteId, patch, manager);
      await this.audit.study(
        'site.updated',
        { studyId, by: userActor(principal.userId), subject: ['site', siteId], data: { fields: Object.keys(patch) } },
        manager,
      );
      return updated;
    });
    const counted = (await this.sites.listWithSessionCounts(studyId)).find((candidate) => candidate.site.id === siteId);
    return { study, row: counted ?? { site: saved, sessions: 0 } };
  }

  /**
   * The site a data read is limited to: a site-limited researcher's own (asking for another is
   * "no such site", 404, as if it did not exist), else the one `code` names, else null (pooled).
   */
  async readScope(grant: StudyAccessGrant, code: string | undefined): Promise<StudySite | null> {
    if (grant.siteId !== null) {
      const own = await this.sites.findById(grant.study.id, grant.siteId);
      if (!own || (code !== undefined && code !== own.code)) throw new SiteError('SITE_NOT_FOUND');
      return own;
    }
    if (code === undefined) return null;
    const site = await this.sites.findByCode(grant.study.id, code);
    if (!site) throw new SiteError('SITE_NOT_FOUND', { detail: `no site "${code}"` });
    return site;
  }

  /**
   * Where a new lab session runs: a site-limited researcher's site always (another site's id is
   * 404, as if it did not exist), else the site asked for, else the primary site. Share-locked
   * until the transaction ends, so its code cannot change under the new session.
   */
  async siteForNewSession(grant: StudyAccessGrant, siteId: string | undefined, manager: EntityManager): Promise<StudySite> {
    if (grant.siteId !== null && siteId !== undefined && siteId !== grant.siteId) throw new SiteError('SITE_NOT_FOUND');
    const wanted = grant.siteId ?? siteId;
    const site =
      wanted === undefined
        ? await this.sites.findPrimary(grant.study.id, manager)
        : await this.sites.findById(grant.study.id, wanted, manager);
    if (!site) throw new SiteError('SITE_NOT_FOUND');
    await this.sites.lockShared(site.id, manager);
    return site;
  }

  private check(study: Study, fields: { code?: string; language?: string | null }): void {
    const issues = checkSiteFields(fields, study.design.languages);
    if (issues.length > 0) throw new SiteError('INVALID_SITE', { errors: issues });
  }

  private async requireCodeFree(site: StudySite, code: string, manager: EntityManager): Promise<void> {
    if (await this.sites.hasSessions(site.id, manager))
      throw new SiteError('SITE_CODE_LOCKED', { detail: `sessions at "${site.code}" are stratified by it` });
    if (await this.sites.findByCode(site.studyId, code, manager)) throw new SiteError('SITE_CODE_TAKEN', { detail: `"${code}" is taken` });
  }

  private async freshJoinCode(manager: EntityManager): Promise<string> {
    for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt += 1) {
      const code = newCode(8);
      if (!(await this.sites.joinCodeInUse(code, manager))) return code;
    }
    throw new Error('no free join code after several attempts');
  }
}
