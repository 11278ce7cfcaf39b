import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { StudiesModule } from '../studies/studies.module';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { EXPORT_CLOCK, ExportsService } from './exports.service';

/** Study exports: CSV files streamed by COPY, the codebook, loaders and the bundle. Reads only (plus audit). */
@Module({
  imports: [StudiesModule, SitesModule],
  controllers: [ExportsController],
  providers: [ExportsRepository, ExportsService, { provide: EXPORT_CLOCK, useValue: () => new Date() }],
})
export class ExportsModule {}
