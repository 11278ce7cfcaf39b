import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { StudiesController } from './studies.controller';
import { StudiesRepository } from './studies.repository';
import { StudiesService } from './studies.service';
import { StudyAccess } from './study-access';
import { StudyMembersController } from './study-members.controller';
import { StudyMembersRepository } from './study-members.repository';
import { StudyMembersService } from './study-members.service';

@Module({
  imports: [AuthModule],
  controllers: [StudiesController, StudyMembersController],
  providers: [StudiesRepository, StudiesService, StudyAccess, StudyMembersRepository, StudyMembersService],
  exports: [StudiesRepository, StudiesService, StudyAccess],
})
export class StudiesModule {}
