import { Module } from '@nestjs/common';
import { StudiesModule } from '../studies/studies.module';
import { EnrolmentController } from './enrolment.controller';
import { EnrolmentRepository } from './enrolment.repository';
import { EnrolmentService } from './enrolment.service';
import { FlowController } from './flow.controller';
import { FlowRepository } from './flow.repository';
import { FlowService } from './flow.service';

/**
 * What comes out of a study: results on session-level scores (the dyad is the unit), the CONSORT
 * flow, enrolment against targets, the replication comparison, and the sample-size calculator.
 * Reads only; the statistics are @attune/analysis, checked against R.
 */
@Module({
  imports: [StudiesModule],
  controllers: [FlowController, EnrolmentController],
  providers: [FlowRepository, FlowService, EnrolmentRepository, EnrolmentService],
})
export class AnalysisModule {}
