import { OriginalEffect } from '../analysis/original-effect.entity';
import { AccessToken } from '../auth/access-token.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { User } from '../auth/user.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { RateLimitBucket } from '../common/rate-limit/rate-limit-bucket.entity';
import { ExternalSiteSummary } from '../pooling/external-summary.entity';
import { ParticipantScore } from '../responses/participant-score.entity';
import { PhaseSubmission } from '../responses/phase-submission.entity';
import { Response } from '../responses/response.entity';
import { Allocation } from '../allocation/allocation.entity';
import { Participant } from '../sessions/participant.entity';
import { SeatLink } from '../sessions/seat-link.entity';
import { StudySession } from '../sessions/session.entity';
import { StudySite } from '../sites/study-site.entity';
import { Protocol } from '../studies/protocol.entity';
import { StudyMember } from '../studies/study-member.entity';
import { Study } from '../studies/study.entity';

// Listed explicitly: globs break once the code is bundled or compiled elsewhere.
export const entities = [
  User,
  AuthSession,
  AccessToken,
  RateLimitBucket,
  AuditEvent,
  Study,
  StudySite,
  StudyMember,
  Protocol,
  StudySession,
  SeatLink,
  Participant,
  Allocation,
  Response,
  PhaseSubmission,
  OriginalEffect,
  ExternalSiteSummary,
  ParticipantScore,
];
