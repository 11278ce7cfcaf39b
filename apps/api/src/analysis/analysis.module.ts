import { Module } from '@nestjs/common';
import { StudiesModule } from '../studies/studies.module';

/**
 * What comes out of a study: results on session-level scores (the dyad is the unit), the CONSORT
 * flow, enrolment against targets, the replication comparison, and the sample-size calculator.
 * Reads only; the statistics are @attune/analysis, checked against R.
 */
@Module({
  imports: [StudiesModule],
  controllers: [],
  providers: [],
})
export class AnalysisModule {}
