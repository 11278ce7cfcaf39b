import { Body, Controller, HttpCode, Ip, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { SeatWithdrawalRequest, SeatWithdrawalResponse, WithdrawalReceipt, WithdrawalRequest } from './withdrawals.dto';
import { WithdrawalsService } from './withdrawals.service';

@ApiTags('withdrawals')
@Controller()
export class WithdrawalsController {
  constructor(private readonly withdrawals: WithdrawalsService) {}

  @Public()
  @Post('withdrawals')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a participant\'s data with their withdrawal code',
    description: 'No login. Deletes the answers and scores of the participant the code was shown to, keeping the record that the seat was allocated. A wrong and a right code get the same answer in the same time; a mistyped code (the check character does not match) gets 400; after the study\'s withdrawal deadline, 409 naming the date. Rate-limited per client address.',
  })
  @ApiOkResponse({ type: WithdrawalReceipt })
  async withdraw(@Body() body: WithdrawalRequest, @Ip() clientAddress: string): Promise<WithdrawalReceipt> {
    await this.withdrawals.withdrawByCode(body.code, clientAddress);
    return { received: true };
  }

  @Post('studies/:studyId/withdrawals')
  @ApiOperation({
    summary: 'Record a withdrawal for a participant who asked in person',
    description: 'Researchers and owners. By session code and seat, once the session is over; audited with the reason code.',
  })
  @ApiCreatedResponse({ type: SeatWithdrawalResponse })
  async withdrawSeat(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string, @Body() body: SeatWithdrawalRequest): Promise<SeatWithdrawalResponse> {
    return SeatWithdrawalResponse.of(await this.withdrawals.withdrawSeat(principal, studyId, { sessionCode: body.sessionCode, seatNumber: body.seat }, body.reason));
  }
}
