import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { StudiesModule } from '../studies/studies.module';
import { ParticipantsRepository } from './participants.repository';
import { ProtocolDesigns } from './protocol-designs';
import { ResearcherSessionsService } from './researcher-sessions.service';
import { SessionControlService } from './session-control.service';
import { SessionFlow } from './session-flow';
import { SessionTransitions } from './session-transitions';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';

/** Sessions and their seats: the session core, its gates and timer, and the researcher's session routes. */
@Module({
  imports: [StudiesModule, SitesModule],
  controllers: [SessionsController],
  providers: [
    SessionsRepository,
    ParticipantsRepository,
    SessionTransitions,
    SessionFlow,
    ProtocolDesigns,
    ResearcherSessionsService,
    SessionControlService,
  ],
  exports: [
    SessionsRepository,
    ParticipantsRepository,
    SessionTransitions,
    SessionFlow,
    ProtocolDesigns,
    ResearcherSessionsService,
    SessionControlService,
  ],
})
export class SessionsModule {}
