import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { Study } from '../studies/study.entity';
import type { SiteRow } from './sites.repository';

const CODE = {
  example: 'essex',
  pattern: '^[a-z0-9_-]{1,20}$',
  description: 'Short id: in stratum keys (`site=<code>`), exports and the `site` query option',
} as const;
const COUNTRY = { example: 'GB', description: 'ISO 3166-1 alpha-2 country code' } as const;
const LANGUAGE = { example: 'en', description: "The site's default language; one of the study's languages" } as const;

export class CreateSiteRequest {
  @ApiProperty(CODE) @IsString() @Matches(/^[a-z0-9_-]{1,20}$/) code: string;
  @ApiProperty({ example: 'University of Essex' }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional(COUNTRY) @IsOptional() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional(LANGUAGE) @IsOptional() @IsString() @Length(1, 20) language?: string;
}

export class UpdateSiteRequest {
  @ApiPropertyOptional({ ...CODE, description: 'Changes only while no session runs at the site (409 `SITE_CODE_LOCKED`)' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_-]{1,20}$/)
  code?: string;
  @ApiPropertyOptional({ example: 'University of Essex' }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional(COUNTRY) @IsOptional() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional(LANGUAGE) @IsOptional() @IsString() @Length(1, 20) language?: string;
}

export class SiteResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(CODE) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ ...COUNTRY, type: String, nullable: true }) country: string | null;
  @ApiProperty({ ...LANGUAGE, type: String, nullable: true }) language: string | null;
  @ApiProperty({
    description:
      "Every study has one primary site (code `main` unless renamed); it uses the study's own join code and its sessions keep the stratum keys they had before sites existed",
  })
  isPrimary: boolean;
  @ApiProperty({
    example: 'K7QM2XHD',
    description: "The site's study link code: participants opening `/s/<joinCode>` wait and are paired only with others at this site",
  })
  joinCode: string;
  @ApiProperty({ example: '/s/K7QM2XHD' }) joinPath: string;
  @ApiProperty({ description: 'Sessions created at the site' }) sessions: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(study: Study, { site, sessions }: SiteRow): SiteResponse {
    const joinCode = site.joinCode ?? study.joinCode;
    return {
      id: site.id,
      code: site.code,
      name: site.name,
      country: site.country,
      language: site.language,
      isPrimary: site.isPrimary,
      joinCode,
      joinPath: `/s/${joinCode}`,
      sessions,
      createdAt: site.createdAt.toISOString(),
    };
  }
}
