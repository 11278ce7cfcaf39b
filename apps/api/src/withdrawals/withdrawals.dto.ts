import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RESEARCHER_WITHDRAWAL_REASONS, type ResearcherWithdrawalReason, type SeatWithdrawal } from './withdrawals.service';

export class WithdrawalRequest {
  @ApiProperty({ example: 'ABCD-EFGH-JKMN', description: 'The code from the completion screen; case, spaces and dashes do not matter' })
  @IsString()
  @MaxLength(40)
  code: string;
}

export class WithdrawalReceipt {
  @ApiProperty({
    example: true,
    description:
      'Always true for a well-formed code: a right and a wrong code get the same answer, so the endpoint cannot be used to test codes',
  })
  received: true;
}

export class SeatWithdrawalRequest {
  @ApiProperty({ example: 'K7M2QX', description: 'The session code shown on the lab console' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{4,12}$/)
  sessionCode: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 3 }) @IsInt() @Min(1) @Max(3) seat: number;

  @ApiProperty({
    enum: RESEARCHER_WITHDRAWAL_REASONS,
    description: 'How the request reached you; a code rather than free text, so the audit log holds no personal data',
  })
  @IsIn(RESEARCHER_WITHDRAWAL_REASONS)
  reason: ResearcherWithdrawalReason;
}

export class SeatWithdrawalResponse {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'date-time' }) withdrawnAt: string;
  @ApiProperty({ description: 'Survey responses deleted (one per instrument and phase)' }) responsesDeleted: number;

  static of(withdrawal: SeatWithdrawal): SeatWithdrawalResponse {
    return {
      participantId: withdrawal.participantId,
      withdrawnAt: withdrawal.withdrawnAt.toISOString(),
      responsesDeleted: withdrawal.responsesDeleted,
    };
  }
}
