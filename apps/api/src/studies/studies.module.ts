import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { StudiesController } from './studies.controller';
import { StudiesRepository } from './studies.repository';
import { StudiesService } from './studies.service';
import { StudyAccess } from './study-access';

@Module({
  imports: [AuthModule],
  controllers: [StudiesController],
  providers: [StudiesRepository, StudiesService, StudyAccess],
  exports: [StudiesRepository, StudiesService, StudyAccess],
})
export class StudiesModule {}
