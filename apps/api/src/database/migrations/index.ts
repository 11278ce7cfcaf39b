import { Foundation1795632714693 } from './1795632714693-Foundation';
import { AuditAppendOnly1795632714694 } from './1795632714694-AuditAppendOnly';
import { StudiesSessionsResponses1795633283917 } from './1795633283917-StudiesSessionsResponses';
import { ProtocolFidelity1796240308897 } from './1796240308897-ProtocolFidelity';
import { OriginalEffect1796242117145 } from './1796242117145-OriginalEffect';
import { WithdrawalRetention1796283555217 } from './1796283555217-WithdrawalRetention';
import { ParticipantTokens1796285778673 } from './1796285778673-ParticipantTokens';
import { RateLimitBounds1796287013214 } from './1796287013214-RateLimitBounds';
import { DraftRevision1796304485371 } from './1796304485371-DraftRevision';
import { ExternalSiteSummaries1796305514173 } from './1796305514173-ExternalSiteSummaries';
import { Sites1796305528451 } from './1796305528451-Sites';
import { ParticipantScores1796309624234 } from './1796309624234-ParticipantScores';

// Every migration, in order. Generated from the entities (npm run migration:generate), reviewed,
// committed, and never edited once merged.
export const migrations = [
  Foundation1795632714693,
  AuditAppendOnly1795632714694,
  StudiesSessionsResponses1795633283917,
  ProtocolFidelity1796240308897,
  OriginalEffect1796242117145,
  WithdrawalRetention1796283555217,
  ParticipantTokens1796285778673,
  RateLimitBounds1796287013214,
  DraftRevision1796304485371,
  ExternalSiteSummaries1796305514173,
  Sites1796305528451,
  ParticipantScores1796309624234,
];
