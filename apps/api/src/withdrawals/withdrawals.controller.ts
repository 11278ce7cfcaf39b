import { Body, Controller, HttpCode, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems, RATE_LIMIT } from '../openapi/api-doc';
import { SeatWithdrawalRequest, SeatWithdrawalResponse, WithdrawalReceipt, WithdrawalRequest } from './withdrawals.dto';
import { WithdrawalError } from './withdrawals.errors';
import { WithdrawalsService } from './withdrawals.service';

@ApiTags('withdrawals')
@Controller()
export class WithdrawalsController {
  constructor(private readonly withdrawals: WithdrawalsService) {}

  @Public()
  @Post('withdrawals')
  @HttpCode(200)
  @ApiDoc({
    summary: "Withdraw a participant's data with their withdrawal code",
    who: 'public',
    changes: true,
    description:
      "No login. Deletes the answers and scores of the participant the code was shown to, keeping the record that the seat was allocated. A wrong and a right code get the same answer in the same time; a mistyped code (the check character does not match) gets 400; after the study's withdrawal deadline, 409 naming the date. Rate-limited per client address.",
    problems: [RATE_LIMIT, problems(WithdrawalError, 'WITHDRAWAL_CODE_MALFORMED', 'WITHDRAWAL_DEADLINE_PASSED')],
  })
  @ApiOkResponse({ type: WithdrawalReceipt, description: 'Received (the same for a right and a wrong code)' })
  async withdraw(@Body() body: WithdrawalRequest, @Ip() clientAddress: string): Promise<WithdrawalReceipt> {
    await this.withdrawals.withdrawByCode(body.code, clientAddress);
    return { received: true };
  }

  @Post('studies/:studyId/withdrawals')
  @ApiDoc({
    summary: 'Record a withdrawal for a participant who asked in person',
    who: 'researcher',
    changes: true,
    description:
      "By session code and seat, once the session is over (409 `SESSION_IN_PROGRESS` before), within the study's withdrawal period. Deletes the participant's answers and scores as the code route does; audited with the reason code. A researcher limited to a site reaches only that site's seats (another site's is 404 `SEAT_NOT_FOUND`).",
    problems: [
      problems(
        WithdrawalError,
        'SEAT_NOT_FOUND',
        'SESSION_IN_PROGRESS',
        'NEVER_CONSENTED',
        'ALREADY_WITHDRAWN',
        'WITHDRAWAL_DEADLINE_PASSED',
      ),
    ],
  })
  @ApiCreatedResponse({ type: SeatWithdrawalResponse, description: 'Withdrawn, with how many responses were deleted' })
  async withdrawSeat(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: SeatWithdrawalRequest,
  ): Promise<SeatWithdrawalResponse> {
    return SeatWithdrawalResponse.of(
      await this.withdrawals.withdrawSeat(principal, studyId, { sessionCode: body.sessionCode, seatNumber: body.seat }, body.reason),
    );
  }
}
