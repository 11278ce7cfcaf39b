import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AnswersService } from './answers.service';
import { PhaseAccess } from './phase-access';
import { PhaseSubmissionsRepository } from './phase-submissions.repository';
import { ResponsesController } from './responses.controller';
import { ResponsesRepository } from './responses.repository';
import { SubmissionGate } from './submission-gate';
import { SubmissionsService } from './submissions.service';

@Module({
  imports: [SessionsModule, ParticipantsModule],
  controllers: [ResponsesController],
  providers: [ResponsesRepository, PhaseSubmissionsRepository, PhaseAccess, SubmissionGate, AnswersService, SubmissionsService],
})
export class ResponsesModule {}
