import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { toBoolean, toVersions } from '../common/http/query-transforms';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SITE_CODE_PATTERN, SITE_OPTION } from '../sites/site-rules';
import type { ExportFilter } from './export-model';

export class ExportQuery {
  @ApiPropertyOptional({ type: String, example: '1,2', description: 'Comma-separated protocol versions to include; default all' })
  @IsOptional()
  @Transform(toVersions)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(1_000_000, { each: true })
  protocol?: number[];

  @ApiPropertyOptional({
    type: Boolean,
    default: true,
    description: 'true: every allocated session with the data it has (as randomised); false: complete sessions only',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeIncomplete?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Owners only, audited as an identified export: adds external ids (e.g. Prolific) to wide.csv',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  externalIds?: boolean;

  @ApiPropertyOptional(SITE_OPTION)
  @IsOptional()
  @Matches(SITE_CODE_PATTERN)
  site?: string;

  static filter(query: ExportQuery): ExportFilter {
    const versions = query.protocol ? [...new Set(query.protocol)].sort((a, b) => a - b) : null;
    return {
      protocolVersions: versions,
      includeIncomplete: query.includeIncomplete ?? true,
      externalIds: query.externalIds ?? false,
      site: query.site ?? null,
    };
  }
}
