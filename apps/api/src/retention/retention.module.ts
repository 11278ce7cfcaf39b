import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { StudiesModule } from '../studies/studies.module';
import { RetentionController } from './retention.controller';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** Deleting identifying data once its purpose is over: the scheduled retention job and the purge. */
@Module({
  imports: [StudiesModule, SessionsModule],
  controllers: [RetentionController],
  providers: [RetentionRepository, RetentionService],
  exports: [RetentionService],
})
export class RetentionModule {}
