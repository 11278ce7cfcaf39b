import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { StudiesModule } from '../studies/studies.module';
import { AllocationsRepository } from './allocations.repository';
import { Allocator } from './allocator';
import { ParticipantGuard } from './participant-auth';
import { ParticipantContexts } from './participant-context';
import { ParticipantController } from './participant.controller';
import { ParticipantJoinService } from './participant-join.service';
import { ParticipantOnboardingService } from './participant-onboarding.service';
import { ParticipantSessionService } from './participant-session.service';
import { ParticipantStateService } from './participant-state.service';
import { ParticipantsRepository } from './participants.repository';
import { ProtocolDesigns } from './protocol-designs';
import { ResearcherSessionsService } from './researcher-sessions.service';
import { SessionControlService } from './session-control.service';
import { SessionFlow } from './session-flow';
import { SessionTransitions } from './session-transitions';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { WaitingRoom } from './waiting-room';

/** Sessions, seats and participants: joining, consent, allocation, the session's gates and timer. */
@Module({
  imports: [StudiesModule, SitesModule],
  controllers: [SessionsController, ParticipantController],
  providers: [
    SessionsRepository,
    ParticipantsRepository,
    AllocationsRepository,
    SessionTransitions,
    Allocator,
    SessionFlow,
    ProtocolDesigns,
    WaitingRoom,
    ParticipantContexts,
    ResearcherSessionsService,
    SessionControlService,
    ParticipantJoinService,
    ParticipantOnboardingService,
    ParticipantSessionService,
    ParticipantStateService,
    ParticipantGuard,
  ],
  exports: [SessionFlow, ProtocolDesigns, ParticipantGuard, ParticipantsRepository, ResearcherSessionsService],
})
export class SessionsModule {}
