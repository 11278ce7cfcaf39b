import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable } from '../common/http/validators';

export class ProtocolVersionQuery {
  @ApiPropertyOptional({ description: 'Protocol version (default: the current one)' })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  version?: number;
}
