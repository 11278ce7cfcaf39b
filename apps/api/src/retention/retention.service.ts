import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditRepository, SYSTEM_ACTOR, userActor } from '../audit/audit.repository';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { Principal } from '../auth/principal';
import { ProtocolDesigns } from '../sessions/protocol-designs';
import { StudiesRepository } from '../studies/studies.repository';
import { StudyAccess } from '../studies/study-access';
import { type WithdrawalWindow, withdrawalWindow } from '../studies/withdrawal-window';
import { identifyingItems } from './identifying-answers';
import { RetentionRepository } from './retention.repository';
import { RetentionError } from './retention.errors';

export interface RetentionRun {
  /** False when another replica was running the job at that moment (it does the work). */
  readonly ran: boolean;
  readonly studies: readonly { readonly studyId: string; readonly externalIds: number; readonly identifyingAnswers: number }[];
}

export interface DataProtection {
  readonly withdrawal: WithdrawalWindow & { readonly withdrawn: number };
  readonly identifiers: {
    readonly retentionDays: number;
    readonly dueAt: Date | null;
    readonly deletedAt: Date | null;
    readonly participantDataPurgedAt: Date | null;
  };
}

const DAY_MS = 86_400_000;
const FIRST_RUN_DELAY_MS = 30_000;

/**
 * Identifying data does not outlive its purpose: RETENTION_DAYS after a study closes, the job
 * deletes external ids (e.g. Prolific) and free-text answers flagged identifying. Every replica
 * schedules it; a transaction-scoped advisory lock lets one run at a time, and a study once done
 * is marked, so a second run (or a second replica) finds nothing left to do.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly repository: RetentionRepository,
    private readonly studies: StudiesRepository,
    private readonly access: StudyAccess,
    private readonly designs: ProtocolDesigns,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.retentionCheckMinutes === 0) return;
    const tick = () =>
      void this.run().catch((error: unknown) =>
        this.logger.error(`retention job failed: ${error instanceof Error ? error.message : 'unknown error'}`),
      );
    this.timers = [setTimeout(tick, FIRST_RUN_DELAY_MS), setInterval(tick, this.config.retentionCheckMinutes * 60_000)];
    for (const timer of this.timers) timer.unref();
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  async run(): Promise<RetentionRun> {
    const items = identifyingItems();
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.tryLockJob(manager))) return { ran: false, studies: [] };
      const studies: RetentionRun['studies'][number][] = [];
      for (const studyId of await this.repository.dueStudies(this.config.retentionDays, manager)) {
        const externalIds = await this.repository.deleteExternalIds(studyId, manager);
        const identifyingAnswers = await this.repository.deleteIdentifyingAnswers(studyId, items, manager);
        await this.repository.markIdentifiersDeleted(studyId, manager);
        await this.audit.study(
          'study.identifiers_deleted',
          { studyId, by: SYSTEM_ACTOR, data: { retentionDays: this.config.retentionDays, externalIds, identifyingAnswers } },
          manager,
        );
        studies.push({ studyId, externalIds, identifyingAnswers });
      }
      if (studies.length > 0) this.logger.log(`retention: identifiers deleted in ${studies.length} closed studies`);
      return { ran: true, studies };
    });
  }

  async dataProtection(principal: Principal, studyId: string): Promise<DataProtection> {
    const { study } = await this.access.require(principal, studyId, 'analyst');
    const closedAt = study.seedRevealedAt;
    return {
      withdrawal: {
        ...withdrawalWindow(await this.designs.current(study), closedAt),
        withdrawn: await this.repository.countWithdrawn(studyId),
      },
      identifiers: {
        retentionDays: this.config.retentionDays,
        dueAt: closedAt && new Date(closedAt.getTime() + this.config.retentionDays * DAY_MS),
        deletedAt: study.identifiersDeletedAt,
        participantDataPurgedAt: study.participantDataPurgedAt,
      },
    };
  }

  /** `admin purge-study`: every participant's data of a closed study; the protocol, its hash and the allocations stay. */
  async purgeStudy(studyId: string, actor: { userId: string | null }): Promise<{ participants: number; responses: number }> {
    return this.repository.transaction(async (manager) => {
      const study = await this.studies.findStudyForUpdate(studyId, manager);
      if (!study) throw new RetentionError('STUDY_NOT_FOUND');
      if (study.status !== 'closed')
        throw new RetentionError('STUDY_NOT_CLOSED', { detail: `the study is ${study.status}; close it first` });
      const purged = await this.repository.purgeParticipants(studyId, manager);
      await this.audit.study(
        'study.participant_data_purged',
        { studyId, by: actor.userId ? userActor(actor.userId) : SYSTEM_ACTOR, data: purged },
        manager,
      );
      return purged;
    });
  }
}
