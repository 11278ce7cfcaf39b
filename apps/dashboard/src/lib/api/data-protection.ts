import 'server-only';
import { apiClient, settle, signedIn, type ApiResult } from './client';
import type { components } from './schema';

export type DataProtection = components['schemas']['DataProtectionResponse'];
export type SeatWithdrawal = components['schemas']['SeatWithdrawalResponse'];
export type SeatWithdrawalRequest = components['schemas']['SeatWithdrawalRequest'];

/** Until when participants may withdraw, how many did, and when identifiers are (were) deleted. */
export async function getDataProtection(studyId: string): Promise<ApiResult<DataProtection>> {
  const client = await apiClient();
  return signedIn(await settle(client.GET('/api/studies/{studyId}/data-protection', { params: { path: { studyId } } })));
}

/** A researcher records the withdrawal of a participant who asked in person. */
export async function recordWithdrawal(studyId: string, body: SeatWithdrawalRequest): Promise<ApiResult<SeatWithdrawal>> {
  const client = await apiClient();
  return signedIn(await settle(client.POST('/api/studies/{studyId}/withdrawals', { params: { path: { studyId } }, body })));
}
