import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllocationModule } from './allocation/allocation.module';
import { AnalysisModule } from './analysis/analysis.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { ExportsModule } from './exports/exports.module';
import { ParticipantsModule } from './participants/participants.module';
import { PoolingModule } from './pooling/pooling.module';
import { HealthModule } from './health/health.module';
import { ResponsesModule } from './responses/responses.module';
import { SessionsModule } from './sessions/sessions.module';
import { SitesModule } from './sites/sites.module';
import { RetentionModule } from './retention/retention.module';
import { StudiesModule } from './studies/studies.module';
import { WithdrawalsModule } from './withdrawals/withdrawals.module';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl, config.databasePoolSize), retryAttempts: 0 }),
        AuditModule,
        RateLimitModule,
        AuthModule,
        HealthModule,
        StudiesModule,
        SessionsModule,
        AllocationModule,
        ParticipantsModule,
        SitesModule,
        ResponsesModule,
        AnalysisModule,
        ExportsModule,
        PoolingModule,
        WithdrawalsModule,
        RetentionModule,
      ],
    };
  }
}
