import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ProtocolFilesController } from './protocol-files.controller';
import { ProtocolFilesService } from './protocol-files.service';
import { StudiesController } from './studies.controller';
import { StudiesRepository } from './studies.repository';
import { StudiesService } from './studies.service';
import { StudyAccess } from './study-access';
import { StudyMembersController } from './study-members.controller';
import { StudyMembersRepository } from './study-members.repository';
import { StudyMembersService } from './study-members.service';

@Module({
  imports: [AuthModule],
  controllers: [ProtocolFilesController, StudiesController, StudyMembersController],
  providers: [StudiesRepository, StudiesService, StudyAccess, StudyMembersRepository, StudyMembersService, ProtocolFilesService],
  exports: [StudiesRepository, StudiesService, StudyAccess],
})
export class StudiesModule {}
