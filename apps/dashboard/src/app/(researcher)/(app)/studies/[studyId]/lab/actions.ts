'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { createLabSession } from '@/lib/api/lab-sessions';
import { logServerError } from '@/lib/log';
import type { LabSessionState } from './lab-messages';

const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** The address phones will open: the one the researcher's browser used, which the lab network reaches. */
async function publicOrigin(): Promise<string> {
  const incoming = await headers();
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host') ?? 'localhost';
  const proto = incoming.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${SAFE_HOST.test(host) ? host : 'localhost'}`;
}

/** New lab session: the seat links are shown once, as links and QR codes, and never stored here. */
export async function newLabSession(studyId: string, _previous: LabSessionState): Promise<LabSessionState> {
  const result = await createLabSession(studyId);
  if (!result.ok) {
    if (result.problem.status >= 500)
      logServerError('lab session not created', { code: result.problem.code, requestId: result.problem.requestId });
    return {
      error:
        result.problem.code === 'STUDY_NOT_RUNNING'
          ? 'The study is not running: launch or resume it first.'
          : `The session could not be created (${result.problem.title}).`,
    };
  }
  const origin = await publicOrigin();
  const seats = await Promise.all(
    result.data.seats.map(async (seat) => {
      const url = `${origin}${seat.joinPath}`;
      const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      return { seatNumber: seat.seatNumber, url, qrSvg };
    }),
  );
  // The list below the form shows the new session at once.
  revalidatePath(`/studies/${studyId}/lab`);
  return { created: { code: result.data.code, seats } };
}
