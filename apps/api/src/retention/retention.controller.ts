import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc } from '../openapi/api-doc';
import { DataProtectionResponse } from './retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Controller('studies/:studyId/data-protection')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @ApiDoc({
    summary: "Get a study's withdrawal period and identifier retention",
    who: 'analyst',
    description:
      'Until when participants may withdraw, how many did, and when external ids and identifying free text are (or were) deleted.',
  })
  @ApiOkResponse({ type: DataProtectionResponse })
  async dataProtection(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<DataProtectionResponse> {
    return DataProtectionResponse.of(await this.retention.dataProtection(principal, studyId));
  }
}
