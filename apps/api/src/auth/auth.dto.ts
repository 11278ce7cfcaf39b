import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsInt, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from '../common/http/validators';
import type { AccessToken } from './access-token.entity';
import type { User } from './user.entity';

export class LoginRequest {
  @ApiProperty({ example: 'admin@attune.local' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 1024 })
  @IsString()
  @Length(1, 1024)
  password: string;
}

export class CreateUserRequest {
  @ApiProperty({ example: 'researcher@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12, maxLength: 1024, description: 'At least 12 characters' })
  @IsString()
  @Length(12, 1024)
  password: string;

  @ApiPropertyOptional({ default: false })
  @Omittable()
  @IsBoolean()
  isAdmin?: boolean;
}

export class CreateAccessTokenRequest {
  @ApiProperty({ example: 'analysis laptop', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650, description: 'Omit for a token that does not expire' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() isAdmin: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(user: User): UserResponse {
    return { id: user.id, email: user.email, isAdmin: user.isAdmin, createdAt: user.createdAt.toISOString() };
  }
}

export class LoginResponse {
  @ApiProperty({ type: UserResponse }) user: UserResponse;
  @ApiProperty({ description: 'Send back as the X-CSRF-Token header on state-changing requests' }) csrfToken: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class AccessTokenResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'First characters of the token, to tell tokens apart' }) prefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;

  static of(token: AccessToken): AccessTokenResponse {
    return {
      id: token.id,
      name: token.name,
      prefix: token.prefix,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    };
  }
}

export class IssuedAccessTokenResponse extends AccessTokenResponse {
  @ApiProperty({ description: 'The bearer token. Shown once; store it now.' }) token: string;
}
