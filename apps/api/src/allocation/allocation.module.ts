import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { SitesModule } from '../sites/sites.module';
import { StudiesModule } from '../studies/studies.module';
import { AllocationVerificationController, ObservedCovariatesController } from './allocation.controller';
import { AllocationVerificationService } from './allocation-verification.service';
import { AllocationsRepository } from './allocations.repository';
import { Allocator } from './allocator';
import { ObservedCovariatesService } from './observed-covariates.service';

/** Allocating whole sessions from the concealed sequence, the observed covariates that can complete a stratum, and the verification after close. */
@Module({
  imports: [StudiesModule, SitesModule, SessionsModule],
  controllers: [ObservedCovariatesController, AllocationVerificationController],
  providers: [AllocationsRepository, Allocator, ObservedCovariatesService, AllocationVerificationService],
  exports: [Allocator, AllocationVerificationService],
})
export class AllocationModule {}
