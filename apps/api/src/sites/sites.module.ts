import { Module } from '@nestjs/common';
import { StudiesModule } from '../studies/studies.module';
import { SitesController } from './sites.controller';
import { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';

/** The sites of a study (many-labs replication): where sessions run, and what a site-limited researcher may see. */
@Module({
  imports: [StudiesModule],
  controllers: [SitesController],
  providers: [SitesRepository, SitesService],
  exports: [SitesRepository, SitesService],
})
export class SitesModule {}
