import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { ProtocolDesigns } from '../sessions/protocol-designs';
import type { SessionDetail } from '../sessions/researcher-sessions.service';
import { SessionControlService } from '../sessions/session-control.service';
import { SessionError } from '../sessions/sessions.errors';
import { SessionsRepository } from '../sessions/sessions.repository';
import { Allocator } from './allocator';
import { checkCovariateValues } from './stratum-policy';

/**
 * Covariates the research assistant observes (e.g. a phone seen on the table). Lives with allocation
 * because recording the last missing stratification covariate allocates the session.
 */
@Injectable()
export class ObservedCovariatesService {
  constructor(
    private readonly control: SessionControlService,
    private readonly sessions: SessionsRepository,
    private readonly designs: ProtocolDesigns,
    private readonly allocator: Allocator,
    private readonly audit: AuditRepository,
  ) {}

  /** A stratification covariate is fixed once the session is allocated; recording the last missing one allocates. */
  record(principal: Principal, studyId: string, sessionId: string, values: Readonly<Record<string, unknown>>): Promise<SessionDetail> {
    return this.control.control(principal, studyId, sessionId, async ({ manager, session, actor }) => {
      const design = await this.designs.ofSession(session, manager);
      const issues = checkCovariateValues(design, 'observed', values, false);
      if (issues.length > 0) throw new SessionError('INVALID_COVARIATES', { detail: `${issues.length} problem(s)`, errors: issues });
      const recorded = values as Readonly<Record<string, string>>;
      const locked = design.stratifyBy.filter(
        (id) => session.conditionId !== null && id in recorded && recorded[id] !== session.observedCovariates[id],
      );
      if (locked.length > 0)
        throw new SessionError('OBSERVED_COVARIATE_LOCKED', {
          errors: locked.map((id) => ({ path: `values.${id}`, code: 'STRATUM_FIXED', message: 'was used for allocation' })),
        });
      session.observedCovariates = { ...session.observedCovariates, ...recorded };
      await this.sessions.update(session.id, { observedCovariates: session.observedCovariates }, manager);
      await this.audit.study(
        'session.observed_covariates_recorded',
        { studyId, by: actor, subject: ['session', session.id], data: { values: recorded } },
        manager,
      );
      await this.allocator.tryAllocate(manager, session, design, actor);
    });
  }
}
