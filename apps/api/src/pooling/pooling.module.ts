import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module';
import { SitesModule } from '../sites/sites.module';
import { StudiesModule } from '../studies/studies.module';
import { ExternalSummariesRepository } from './external-summaries.repository';
import { PoolingController } from './pooling.controller';
import { PoolingService } from './pooling.service';

/**
 * Many-labs pooling: each installation keeps its participants' data and shares site summaries;
 * the coordinating study pools its sites and the summaries by a random-effects meta-analysis.
 */
@Module({
  imports: [StudiesModule, SitesModule, AnalysisModule],
  controllers: [PoolingController],
  providers: [ExternalSummariesRepository, PoolingService],
})
export class PoolingModule {}
