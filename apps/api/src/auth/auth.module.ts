import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokensController } from './access-tokens.controller';
import { AccessTokensService } from './access-tokens.service';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';

@Module({
  controllers: [AuthController, AccessTokensController, UsersController],
  providers: [
    AuthRepository,
    AuthService,
    AccountsService,
    AccessTokensService,
    PasswordHasher,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, AccountsService],
})
export class AuthModule {}
