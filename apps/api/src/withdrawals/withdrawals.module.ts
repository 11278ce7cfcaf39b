import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { StudiesModule } from '../studies/studies.module';
import { WithdrawalsController } from './withdrawals.controller';
import { WithdrawalsRepository } from './withdrawals.repository';
import { WithdrawalsService } from './withdrawals.service';

/** A participant's withdrawal of consent after taking part (by code, or recorded by a researcher). */
@Module({
  imports: [StudiesModule, SessionsModule],
  controllers: [WithdrawalsController],
  providers: [WithdrawalsRepository, WithdrawalsService],
})
export class WithdrawalsModule {}
