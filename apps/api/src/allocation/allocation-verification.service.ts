import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import {
  type AllocatedSessionRow,
  type SessionMismatch,
  type StratumVerification,
  verifyAllocations,
  verifySessions,
} from '../randomisation/verify-allocations';
import { weightedConditions } from '../studies/protocol-snapshot';
import { StudiesService } from '../studies/studies.service';
import { StudyAccess } from '../studies/study-access';
import { AllocationsRepository } from './allocations.repository';
import { sessionStratum } from './stratum-policy';

export interface VerificationReport {
  readonly matches: boolean;
  readonly seedHex: string;
  readonly seedCommitment: string;
  readonly strata: readonly StratumVerification[];
  /** Sessions whose recomputed stratum or whose condition disagrees with their allocation row. */
  readonly sessions: readonly SessionMismatch[];
}

/** After a study closes: the allocations made, checked against the sequence its revealed seed regenerates. */
@Injectable()
export class AllocationVerificationService {
  constructor(
    private readonly access: StudyAccess,
    private readonly studies: StudiesService,
    private readonly allocations: AllocationsRepository,
  ) {}

  async verify(principal: Principal | 'system', studyId: string): Promise<VerificationReport> {
    if (principal !== 'system') await this.access.require(principal, studyId, 'analyst');
    const { study, seedHex } = await this.studies.revealedSeed(studyId);
    const allocations = await this.allocations.listAllocations(studyId);
    const strata = verifyAllocations(
      {
        seedHex,
        scheme: study.design.randomisation.scheme,
        conditions: weightedConditions(study.design),
        blockMultipliers: study.design.randomisation.blockMultipliers,
      },
      allocations,
    );
    // Amendments cannot change stratifiers (allocationDefinition), so the current design computes every session's stratum.
    // Once `admin purge-study` removed the members, their covariates cannot be re-read: the session's
    // stratum is then compared with its allocation row only (the sequence check above is unaffected).
    const stratumOf = study.participantDataPurgedAt
      ? (row: AllocatedSessionRow) => row.sessionStratum
      : (row: AllocatedSessionRow) => sessionStratum(study.design, row.memberCovariates, row.observed, row.siteCode);
    const sessions = verifySessions(await this.allocations.listAllocatedSessions(studyId), stratumOf);
    const matches = strata.every((s) => s.mismatches.length === 0) && sessions.length === 0;
    return { matches, seedHex, seedCommitment: study.seedCommitment ?? '', strata, sessions };
  }
}
