import { ApiProperty } from '@nestjs/swagger';
import type { DataProtection } from './retention.service';

class WithdrawalPeriodResponse {
  @ApiProperty({ example: 30 }) daysAfterClose: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while the study runs' }) deadline: string | null;
  @ApiProperty({ description: 'Participants who withdrew so far' }) withdrawn: number;
}

class IdentifierRetentionResponse {
  @ApiProperty({ example: 90, description: 'RETENTION_DAYS of this installation' }) retentionDays: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the retention job will delete external ids and identifying free text; null while the study runs',
  })
  dueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it did' }) deletedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "When an administrator purged every participant's data (admin purge-study)",
  })
  participantDataPurgedAt: string | null;
}

export class DataProtectionResponse {
  @ApiProperty({ type: WithdrawalPeriodResponse }) withdrawal: WithdrawalPeriodResponse;
  @ApiProperty({ type: IdentifierRetentionResponse }) identifiers: IdentifierRetentionResponse;

  static of(view: DataProtection): DataProtectionResponse {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      withdrawal: {
        daysAfterClose: view.withdrawal.daysAfterClose,
        deadline: iso(view.withdrawal.deadline),
        withdrawn: view.withdrawal.withdrawn,
      },
      identifiers: {
        retentionDays: view.identifiers.retentionDays,
        dueAt: iso(view.identifiers.dueAt),
        deletedAt: iso(view.identifiers.deletedAt),
        participantDataPurgedAt: iso(view.identifiers.participantDataPurgedAt),
      },
    };
  }
}
