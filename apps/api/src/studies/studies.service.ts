import { canonicalJson } from '@attune/survey';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditData } from '../audit/audit-catalogue';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { newSeedHex, seedCommitment } from '../randomisation/keyed-random';
import type { FieldIssue } from '../common/errors/domain-error';
import { checkDesign } from './design-rules';
import { changedParts, describeConflict } from './draft-edits';
import { snapshotProtocol, weightedConditions } from './protocol-snapshot';
import type { Protocol } from './protocol.entity';
import { StudyError } from './studies.errors';
import { StudiesRepository, type StudyWithRole } from './studies.repository';
import { StudyAccess, type StudyAccessGrant } from './study-access';
import type { StudyDesign } from './study-design';
import { findTemplate } from './study-templates';
import type { Study, StudyStatus } from './study.entity';

// Unambiguous characters for codes people type (no 0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newCode(length: number): string {
  return [...randomBytes(length)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

const TRANSITIONS: Record<'pause' | 'resume' | 'close', { from: readonly StudyStatus[]; to: Exclude<StudyStatus, 'draft'> }> = {
  pause: { from: ['launched'], to: 'paused' },
  resume: { from: ['paused'], to: 'launched' },
  close: { from: ['launched', 'paused'], to: 'closed' },
};

/**
 * What defines the allocation sequence, which an amendment may not change mid-study: conditions
 * and weights, scheme and block sizes, session size, and each stratifier as a stratum is computed
 * from it (who reports it, whether it is about the partner, its level ids). Compared as canonical
 * JSON, because PostgreSQL's jsonb hands the stored design back with its keys reordered.
 */
export function allocationDefinition(design: StudyDesign): string {
  const stratifiers = design.stratifyBy.map((id) => {
    const covariate = design.covariates.find((candidate) => candidate.id === id);
    return {
      id,
      source: covariate?.source ?? null,
      relation: covariate?.relation ?? null,
      levels: covariate?.levels.map((level) => level.id) ?? [],
    };
  });
  return canonicalJson({
    conditions: weightedConditions(design),
    randomisation: design.randomisation,
    stratifiers,
    sessionSize: design.sessionSize,
  });
}

const CHANGES_ALLOCATION: FieldIssue = {
  path: 'design',
  code: 'CHANGES_ALLOCATION',
  message: 'would change the concealed allocation sequence',
};

/** An amendment's problems: the launch check, plus a change to what decides allocation. */
export function amendmentProblems(current: StudyDesign, next: StudyDesign): FieldIssue[] {
  const problems = checkDesign(next);
  if (problems.length === 0 && allocationDefinition(next) !== allocationDefinition(current)) {
    problems.push(CHANGES_ALLOCATION);
  }
  return problems;
}

export interface DraftUpdate {
  readonly title?: string;
  readonly description?: string;
  readonly design?: StudyDesign;
  /** The revision the editor started from (If-Match); absent: last write wins, as for API scripts. */
  readonly expectedRevision?: number;
}

@Injectable()
export class StudiesService {
  constructor(
    private readonly repository: StudiesRepository,
    private readonly access: StudyAccess,
    private readonly audit: AuditRepository,
  ) {}

  async list(principal: Principal): Promise<StudyWithRole[]> {
    if (!principal.isAdmin) return this.repository.listForUser(principal.userId);
    return (await this.repository.listAll()).map((study) => ({ study, role: 'owner' as const }));
  }

  get(principal: Principal, studyId: string): Promise<StudyAccessGrant> {
    return this.access.require(principal, studyId, 'analyst');
  }

  async create(principal: Principal, input: { title: string; description?: string; templateId?: string }): Promise<StudyAccessGrant> {
    const template = input.templateId === undefined ? findTemplate('phone_only') : findTemplate(input.templateId);
    if (!template) throw new StudyError('UNKNOWN_TEMPLATE', { detail: `no template "${input.templateId}"` });
    return this.createDraft(
      principal,
      { title: input.title, description: input.description ?? template.description, design: template.design },
      { template: template.id },
    );
  }

  /** A new draft owned by its creator; `origin` (its template or imported protocol) goes into the audit event. */
  async createDraft(
    principal: Principal,
    draft: { title: string; description: string; design: StudyDesign },
    origin: AuditData<'study.created'>,
  ): Promise<StudyAccessGrant> {
    const study = await this.repository.transaction(async (manager) => {
      const created = await this.repository.insertStudy({ ...draft, joinCode: newCode(8), createdBy: principal.userId }, manager);
      await this.repository.upsertMember(created.id, principal.userId, 'owner', manager);
      await this.audit.study('study.created', { studyId: created.id, by: userActor(principal.userId), data: origin }, manager);
      return created;
    });
    return { study, role: 'owner', siteId: null };
  }

  /**
   * Saves a draft edit. With `expectedRevision` (the builder's If-Match) an edit saved by someone
   * else since that revision is a conflict naming who changed what; an edit that changes nothing
   * keeps the revision (autosave may send the same content twice).
   */
  async updateDesign(principal: Principal, studyId: string, input: DraftUpdate): Promise<StudyAccessGrant> {
    const grant = await this.access.require(principal, studyId, 'owner');
    return this.repository.transaction(async (manager) => {
      const study = await this.lockStudy(studyId, manager);
      if (study.status !== 'draft') {
        // Recorded outside the transaction that the refusal rolls back.
        await this.audit.study('study.edit_refused', { studyId, by: userActor(principal.userId), data: { status: study.status } });
        throw new StudyError('STUDY_LAUNCHED');
      }
      if (input.expectedRevision !== undefined && input.expectedRevision !== study.revision) {
        const conflict = describeConflict(
          study.revision,
          await this.repository.listDraftEditsSince(studyId, input.expectedRevision, manager),
        );
        throw new StudyError('EDIT_CONFLICT', {
          detail: `revision ${study.revision} was saved after your revision ${input.expectedRevision}`,
          extensions: { conflict },
        });
      }
      const next = {
        title: input.title ?? study.title,
        description: input.description ?? study.description,
        design: input.design ?? study.design,
      };
      const parts = changedParts(study, next);
      if (parts.length === 0) return { ...grant, study };
      Object.assign(study, next, { revision: study.revision + 1 });
      const saved = await this.repository.saveStudy(study, manager);
      await this.audit.study(
        'study.design_edited',
        { studyId, by: userActor(principal.userId), data: { revision: saved.revision, parts } },
        manager,
      );
      return { ...grant, study: saved };
    });
  }

  /** What launch would refuse in the saved draft (analysts may look; nothing changes). */
  async designProblems(principal: Principal, studyId: string): Promise<FieldIssue[]> {
    const { study } = await this.access.require(principal, studyId, 'analyst');
    return checkDesign(study.design);
  }

  /** What launch (for a draft) or an amendment (after launch) would refuse in this unsaved design. */
  async checkUnsaved(principal: Principal, studyId: string, design: StudyDesign): Promise<FieldIssue[]> {
    const { study } = await this.access.require(principal, studyId, 'owner');
    return study.status === 'draft' ? checkDesign(design) : amendmentProblems(study.design, design);
  }

  /** Validates, freezes protocol v1, and commits to a fresh secret seed (only its hash is shown). */
  async launch(principal: Principal, studyId: string): Promise<StudyAccessGrant> {
    await this.access.require(principal, studyId, 'owner');
    return this.repository.transaction(async (manager) => {
      const study = await this.lockStudy(studyId, manager);
      if (study.status !== 'draft') throw new StudyError('ILLEGAL_STATUS_CHANGE', { detail: `a ${study.status} study cannot be launched` });
      this.assertValid(study.design);
      const seedHex = newSeedHex(randomBytes);
      Object.assign(study, { status: 'launched', seedHex, seedCommitment: seedCommitment(seedHex), protocolVersion: 1 });
      const protocol = await this.freeze(study, principal, null, manager);
      const saved = await this.repository.saveStudy(study, manager);
      await this.audit.study(
        'study.launched',
        {
          studyId,
          by: userActor(principal.userId),
          subject: ['protocol', protocol.id],
          data: { version: 1, hash: protocol.hash, seedCommitment: study.seedCommitment },
        },
        manager,
      );
      return { study: saved, role: 'owner', siteId: null };
    });
  }

  async amend(principal: Principal, studyId: string, input: { design: StudyDesign; reason: string }): Promise<Protocol> {
    await this.access.require(principal, studyId, 'owner');
    return this.repository.transaction(async (manager) => {
      const study = await this.lockStudy(studyId, manager);
      if (study.status !== 'launched' && study.status !== 'paused')
        throw new StudyError('ILLEGAL_STATUS_CHANGE', { detail: `a ${study.status} study cannot be amended` });
      this.assertValid(input.design);
      if (allocationDefinition(input.design) !== allocationDefinition(study.design)) {
        throw new StudyError('INVALID_DESIGN', {
          detail: 'an amendment cannot change conditions, weights, randomisation, stratification or session size',
          errors: [CHANGES_ALLOCATION],
        });
      }
      Object.assign(study, { design: input.design, protocolVersion: (study.protocolVersion ?? 0) + 1 });
      const protocol = await this.freeze(study, principal, input.reason, manager);
      await this.repository.saveStudy(study, manager);
      await this.audit.study(
        'study.amended',
        {
          studyId,
          by: userActor(principal.userId),
          subject: ['protocol', protocol.id],
          data: { version: protocol.version, hash: protocol.hash },
        },
        manager,
      );
      return protocol;
    });
  }

  async changeStatus(principal: Principal, studyId: string, change: keyof typeof TRANSITIONS): Promise<StudyAccessGrant> {
    await this.access.require(principal, studyId, 'owner');
    const rule = TRANSITIONS[change];
    return this.repository.transaction(async (manager) => {
      const study = await this.lockStudy(studyId, manager);
      if (!rule.from.includes(study.status))
        throw new StudyError('ILLEGAL_STATUS_CHANGE', { detail: `cannot ${change} a ${study.status} study` });
      study.status = rule.to;
      if (change === 'close') study.seedRevealedAt = new Date();
      const saved = await this.repository.saveStudy(study, manager);
      // Resuming writes study.launched again, with no data (stored as {}).
      const data = change === 'close' ? ({ seedRevealed: true } as const) : undefined;
      await this.audit.study(`study.${rule.to}`, { studyId, by: userActor(principal.userId), data }, manager);
      return { study: saved, role: 'owner', siteId: null };
    });
  }

  async protocols(principal: Principal, studyId: string): Promise<Protocol[]> {
    await this.access.require(principal, studyId, 'analyst');
    return this.repository.listProtocols(studyId);
  }

  /** The seed, once revealed at close; before that the endpoint refuses (concealment). */
  async revealedSeed(studyId: string): Promise<{ study: Study; seedHex: string }> {
    const study = await this.repository.findStudy(studyId);
    if (!study) throw new StudyError('STUDY_NOT_FOUND');
    const seedHex = study.seedRevealedAt ? await this.repository.findSeed(studyId) : null;
    if (!seedHex) throw new StudyError('SEED_NOT_REVEALED');
    return { study, seedHex };
  }

  private assertValid(design: StudyDesign): void {
    const errors = checkDesign(design);
    if (errors.length) throw new StudyError('INVALID_DESIGN', { detail: `${errors.length} problem(s) in the design`, errors });
  }

  private async lockStudy(studyId: string, manager: EntityManager): Promise<Study> {
    const study = await this.repository.findStudyForUpdate(studyId, manager);
    if (!study) throw new StudyError('STUDY_NOT_FOUND');
    return study;
  }

  private async freeze(study: Study, principal: Principal, reason: string | null, manager: EntityManager): Promise<Protocol> {
    const version = study.protocolVersion ?? 1;
    const snapshot = snapshotProtocol({
      studyId: study.id,
      version,
      title: study.title,
      design: study.design,
      seedCommitment: study.seedCommitment ?? '',
      reason,
    });
    return this.repository.insertProtocol(
      { studyId: study.id, version, canonicalJson: snapshot.canonicalJson, hash: snapshot.hash, reason, createdBy: principal.userId },
      manager,
    );
  }
}
