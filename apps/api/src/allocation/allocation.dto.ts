import { ApiProperty } from '@nestjs/swagger';
import { IsStringMap } from '../common/http/validators';
import type { StratumVerification } from '../randomisation/verify-allocations';
import type { VerificationReport } from './allocation-verification.service';

export class ObservedCovariatesRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { phone_seen: 'yes' },
    description: 'Observed covariate id → level id; merged into what was recorded before',
  })
  @IsStringMap({ maxKeys: 16, maxLength: 40 })
  values: Record<string, string>;
}

class MismatchDto {
  @ApiProperty() index: number;
  @ApiProperty({ type: String, nullable: true }) stored: string | null;
  @ApiProperty() expected: string;
}

class StratumVerificationDto {
  @ApiProperty() stratum: string;
  @ApiProperty() checked: number;
  @ApiProperty({ type: [MismatchDto] }) mismatches: MismatchDto[];
}

class SessionMismatchDto {
  @ApiProperty() sessionId: string;
  @ApiProperty({ enum: ['stratum', 'condition'] }) field: 'stratum' | 'condition';
  @ApiProperty({ type: String, nullable: true }) stored: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Recomputed from the members' covariates (stratum) or the allocation row (condition)",
  })
  expected: string | null;
}

export class VerificationResponse {
  @ApiProperty() matches: boolean;
  @ApiProperty({ description: 'The revealed seed (hex); SHA-256 of its bytes equals seedCommitment' }) seedHex: string;
  @ApiProperty() seedCommitment: string;
  @ApiProperty({ type: [StratumVerificationDto] }) strata: StratumVerificationDto[];
  @ApiProperty({
    type: [SessionMismatchDto],
    description: "Each allocated session's stratum recomputed from its members' covariates, and its condition, against its allocation row",
  })
  sessions: SessionMismatchDto[];

  static of(report: VerificationReport): VerificationResponse {
    return {
      ...report,
      strata: report.strata.map((s: StratumVerification) => ({ ...s, mismatches: [...s.mismatches] })),
      sessions: [...report.sessions],
    };
  }
}
