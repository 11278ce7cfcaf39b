import { Module } from '@nestjs/common';
import { AllocationModule } from '../allocation/allocation.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SitesModule } from '../sites/sites.module';
import { StudiesModule } from '../studies/studies.module';
import { ParticipantGuard } from './participant-auth';
import { ParticipantContexts } from './participant-context';
import { ParticipantController } from './participant.controller';
import { ParticipantJoinService } from './participant-join.service';
import { ParticipantOnboardingService } from './participant-onboarding.service';
import { ParticipantSessionService } from './participant-session.service';
import { ParticipantStateService } from './participant-state.service';
import { WaitingRoom } from './waiting-room';

/** The participant's side of a session: joining, consent, covariates, the waiting room, their state. */
@Module({
  imports: [StudiesModule, SitesModule, SessionsModule, AllocationModule],
  controllers: [ParticipantController],
  providers: [
    WaitingRoom,
    ParticipantContexts,
    ParticipantJoinService,
    ParticipantOnboardingService,
    ParticipantSessionService,
    ParticipantStateService,
    ParticipantGuard,
  ],
  exports: [ParticipantGuard],
})
export class ParticipantsModule {}
