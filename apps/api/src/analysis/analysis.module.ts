import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { StudiesModule } from '../studies/studies.module';
import { EnrolmentController } from './enrolment.controller';
import { EnrolmentRepository } from './enrolment.repository';
import { EnrolmentService } from './enrolment.service';
import { FlowController } from './flow.controller';
import { FlowRepository } from './flow.repository';
import { FlowService } from './flow.service';
import { OriginalEffectsRepository } from './original-effects.repository';
import { ReplicationService } from './replication.service';
import { ResultsController } from './results.controller';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';

/**
 * What comes out of a study: results on session-level scores (the dyad is the unit), the CONSORT
 * flow, enrolment against targets, the replication comparison, and the sample-size calculator.
 * Reads only; the statistics are @attune/analysis, checked against R.
 */
@Module({
  imports: [StudiesModule, SitesModule],
  controllers: [ResultsController, FlowController, EnrolmentController],
  providers: [
    ResultsRepository,
    ResultsService,
    OriginalEffectsRepository,
    ReplicationService,
    FlowRepository,
    FlowService,
    EnrolmentRepository,
    EnrolmentService,
  ],
  exports: [ResultsService, OriginalEffectsRepository],
})
export class AnalysisModule {}
