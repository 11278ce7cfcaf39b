import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Sql } from '../common/database/sql';
import { StudiesRepository } from '../studies/studies.repository';
import type { StudyDesign } from '../studies/study-design';
import type { Study } from '../studies/study.entity';
import type { StudySession } from './session.entity';

/**
 * The one place that says which design a participant or session runs: the frozen protocol, never
 * the study's live design. A session runs the protocol version it was created under, whatever was
 * amended since (its consent, covariates, languages, instructions, instruments, timings,
 * completion and stratum); a participant without a seat yet runs the study's current protocol,
 * the one a session formed now would get.
 */
export interface FrozenInstrument {
  readonly id: string;
  readonly version: number;
  /** SHA-256 of the instrument's canonical JSON, as frozen in the protocol. */
  readonly hash: string;
}

@Injectable()
export class ProtocolDesigns {
  constructor(private readonly studies: StudiesRepository) {}

  async ofSession(session: Pick<StudySession, 'id' | 'studyId' | 'protocolVersion'>, sql?: Sql): Promise<StudyDesign> {
    const design = await this.studies.findProtocolDesign(session.studyId, session.protocolVersion, sql);
    if (!design) throw new Error(`session ${session.id} has no protocol version ${session.protocolVersion}`);
    return design;
  }

  async current(study: Pick<Study, 'id' | 'protocolVersion' | 'design'>, manager?: EntityManager): Promise<StudyDesign> {
    // A draft has no protocol yet; nobody can join one, but its researchers may still look.
    if (study.protocolVersion === null) return study.design;
    const design = await this.studies.findProtocolDesign(study.id, study.protocolVersion, manager);
    if (!design) throw new Error(`study ${study.id} has no protocol version ${study.protocolVersion}`);
    return design;
  }

  /**
   * The phase's instruments with the hash frozen for each in the session's protocol, so the phone
   * can refuse an instrument served in any other version of its text.
   */
  async frozenInstruments(session: Pick<StudySession, 'studyId' | 'protocolVersion'>, phase: 'pre' | 'post'): Promise<FrozenInstrument[]> {
    const raw = await this.studies.findProtocolInstruments(session.studyId, session.protocolVersion);
    return (Array.isArray(raw) ? raw : []).flatMap((entry: unknown): FrozenInstrument[] => {
      if (typeof entry !== 'object' || entry === null) return [];
      const ref = entry as Record<string, unknown>;
      const { id, version, hash } = ref;
      return ref['phase'] === phase && typeof id === 'string' && typeof version === 'number' && typeof hash === 'string'
        ? [{ id, version, hash }]
        : [];
    });
  }

  ofParticipant(
    study: Pick<Study, 'id' | 'protocolVersion' | 'design'>,
    session: Pick<StudySession, 'id' | 'studyId' | 'protocolVersion'> | null,
    manager?: EntityManager,
  ): Promise<StudyDesign> {
    return session ? this.ofSession(session, manager) : this.current(study, manager);
  }
}
