import { User } from '../auth/user.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { AccessToken } from '../auth/access-token.entity';
import { RateLimitBucket } from '../common/rate-limit/rate-limit-bucket.entity';
import { AuditEvent } from '../audit/audit-event.entity';

// Listed explicitly: globs break once the code is bundled or compiled elsewhere.
export const entities = [User, AuthSession, AccessToken, RateLimitBucket, AuditEvent];
