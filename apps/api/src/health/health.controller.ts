import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { CommonErrors } from '../common/errors/common.errors';
import { ApiDoc, problems } from '../openapi/api-doc';
import { HealthService } from './health.service';

class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['up'] }) database: 'up';
  @ApiProperty({ enum: ['current'] }) migrations: 'current';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiDoc({
    summary: 'Check that the API can serve',
    who: 'public',
    description:
      'For load balancers and uptime checks: 200 when PostgreSQL answers and every migration has run; otherwise 503 `UNAVAILABLE`.',
    problems: [problems(CommonErrors, 'UNAVAILABLE')],
  })
  @ApiOkResponse({ type: HealthResponse, description: 'Ready' })
  check(): Promise<HealthResponse> {
    return this.health.check();
  }
}
