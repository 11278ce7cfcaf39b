import type { INestApplicationContext } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AccountsService } from '../auth/accounts.service';
import { ResearcherSessionsService } from '../sessions/researcher-sessions.service';
import { StudiesRepository } from '../studies/studies.repository';
import { StudiesService } from '../studies/studies.service';
import { seedSimulatedStudy } from './demo-simulation';

export const DEMO_TITLE = 'Demo: phone presence × seating';
// Short enough to try the whole journey at once; real studies use the template's 10 minutes.
const DEMO_CONVERSATION_SECONDS = 120;

export interface DemoSession {
  readonly title: string;
  readonly studyId: string;
  readonly sessionCode: string;
  readonly seatLinks: readonly string[];
}

async function adminPrincipal(context: INestApplicationContext): Promise<Principal | null> {
  const admin = (await context.get(AccountsService).listAccounts()).find((user) => user.isAdmin && !user.disabledAt);
  return admin ? { userId: admin.id, email: admin.email, isAdmin: true, via: 'token' } : null;
}

async function createDemoStudy(context: INestApplicationContext, principal: Principal): Promise<string> {
  const studies = context.get(StudiesService);
  const { study } = await studies.create(principal, { title: DEMO_TITLE, templateId: 'phone_seating' });
  const design = { ...study.design, conversation: { ...study.design.conversation, durationSeconds: DEMO_CONVERSATION_SECONDS } };
  await studies.updateDesign(principal, study.id, { design });
  await studies.launch(principal, study.id);
  return study.id;
}

/**
 * On an empty database, a launched demo study from template (b) and a closed study of simulated
 * dyads; on every start, a fresh lab session in the demo study, because seat links are shown only
 * when a session is created.
 */
export async function seedDemo(context: INestApplicationContext): Promise<DemoSession | null> {
  const principal = await adminPrincipal(context);
  if (!principal) return null;
  const all = await context.get(StudiesRepository).listAll();
  let demo = all.find((study) => study.title === DEMO_TITLE);
  if (!demo && all.length > 0) return null;
  const firstStart = !demo;
  const studyId = demo?.id ?? (await createDemoStudy(context, principal));
  // Only on the very first start: a closed study of simulated dyads, so results have numbers.
  if (firstStart) await seedSimulatedStudy(context, principal);
  demo = (await context.get(StudiesRepository).findStudy(studyId)) ?? undefined;
  if (demo?.status !== 'launched') return null;
  const created = await context.get(ResearcherSessionsService).create(principal, studyId);
  return { title: DEMO_TITLE, studyId, sessionCode: created.session.code, seatLinks: created.seats.map((seat) => seat.joinPath) };
}
