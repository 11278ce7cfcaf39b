import { expectedCheckAnswer, getInstrument, type Item } from '@attune/survey';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { ReplicationService } from '../analysis/replication.service';
import type { Principal } from '../auth/principal';
import { SubmissionsService } from '../responses/submissions.service';
import { ParticipantJoinService } from '../participants/participant-join.service';
import { ParticipantOnboardingService } from '../participants/participant-onboarding.service';
import { ParticipantSessionService } from '../participants/participant-session.service';
import { ParticipantsRepository } from '../sessions/participants.repository';
import { ResearcherSessionsService } from '../sessions/researcher-sessions.service';
import { SessionControlService } from '../sessions/session-control.service';
import { SitesService } from '../sites/sites.service';
import { StudiesService } from '../studies/studies.service';
import type { StudyDesign } from '../studies/study-design';

export const SIMULATED_TITLE = 'SIMULATED demo data (not real participants): phone presence and closeness';
/** The simulated many-labs replication: three sites, each with its own phone effect (heterogeneity to pool). */
export const SIMULATED_SITES = [
  { code: 'main', name: 'Main site', country: null, dyads: 32, phoneEffect: 1.0 },
  { code: 'essex', name: 'University of Essex (simulated)', country: 'GB', dyads: 32, phoneEffect: 0.6 },
  { code: 'konstanz', name: 'Universität Konstanz (simulated)', country: 'DE', dyads: 32, phoneEffect: 1.3 },
] as const;
export const SIMULATED_DYADS = SIMULATED_SITES.reduce((sum, site) => sum + site.dyads, 0);
const SEED = 20261202;

/** mulberry32: a small seeded generator, so every first start simulates the same data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const clampIos = (value: number): number => Math.min(7, Math.max(1, Math.round(value)));

interface Member {
  readonly id: string;
  readonly pre: number;
  readonly post: number;
}

/**
 * IOS before and after a 10-minute talk. Closeness grows by about one step in talking, and by
 * `phoneEffect` steps less with a phone on the desk (about one step pooled over the sites: the
 * change scores differ by about 1.0, with a standard error near 0.12 whatever the random
 * allocation), with a shared dyad component (members of a session are alike: an ICC well above 0).
 */
function closeness(random: () => number, phonePresent: boolean, phoneEffect: number): [number, number][] {
  const dyad = normal(random) * 0.8;
  return [0, 1].map(() => {
    const pre = 3 + dyad + normal(random) * 0.8;
    const post = pre + 1.2 - (phonePresent ? phoneEffect : 0) + dyad * 0.3 + normal(random) * 0.6;
    return [clampIos(pre), clampIos(post)];
  });
}

/** Check answers: right for the arm, except for one member in twenty who misremembers. */
function checkAnswers(random: () => number, tableObject: string): Record<string, string> {
  const instrument = getInstrument('check_phone', 2);
  const items = (instrument?.items ?? []).filter(
    (item): item is Extract<Item, { kind: 'manipulation-check' }> => item.kind === 'manipulation-check',
  );
  return Object.fromEntries(
    items.map((item) => [item.id, random() < 0.05 ? 'not_sure' : (expectedCheckAnswer(item, tableObject) ?? 'not_sure')]),
  );
}

export function simulatedDesign(design: StudyDesign): StudyDesign {
  return {
    ...design,
    targetSessionsPerCondition: SIMULATED_DYADS / 2,
    instruments: {
      pre: [{ id: 'ios', version: 2 }],
      post: [
        { id: 'ios', version: 2 },
        { id: 'check_phone', version: 2 },
      ],
    },
  };
}

class Simulation {
  private readonly random = seeded(SEED);
  constructor(
    private readonly context: INestApplicationContext,
    private readonly principal: Principal,
    private readonly studyId: string,
  ) {}

  private get<T>(type: Type<T>): T {
    return this.context.get(type, { strict: false });
  }

  /** One lab dyad at a site through the same services the API routes call, from seat links to completion codes. */
  async dyad(index: number, siteId: string, phoneEffect: number): Promise<void> {
    const created = await this.get(ResearcherSessionsService).create(this.principal, this.studyId, siteId);
    const ids: string[] = [];
    for (const seat of created.seats) {
      const joined = await this.get(ParticipantJoinService).join(
        { seatSecret: seat.joinPath.replace('/join/seat/', '') },
        `simulated-${index}-${seat.seatNumber}`,
      );
      ids.push(joined.participantId);
      await this.get(ParticipantOnboardingService).consent(joined.participantId, { consentVersion: '1', agree: true });
      await this.get(ParticipantOnboardingService).answerCovariates(joined.participantId, { acquainted: 'strangers' });
    }
    for (const id of ids) await this.get(ParticipantSessionService).confirmInstructions(id);
    const detail = await this.get(ResearcherSessionsService).get(this.principal, this.studyId, created.session.id);
    const tableObject = detail.room?.levels.find((level) => level.factorId === 'phone')?.sets['table_object'] ?? 'nothing';
    const scores = closeness(this.random, tableObject === 'phone', phoneEffect);
    const members: Member[] = ids.map((id, i) => ({ id, pre: scores[i]?.[0] ?? 4, post: scores[i]?.[1] ?? 4 }));
    for (const member of members) await this.submit(member.id, 'pre', { ios: { ios: member.pre } });
    await this.get(SessionControlService).startConversation(this.principal, this.studyId, created.session.id);
    await this.get(SessionControlService).endConversation(this.principal, this.studyId, created.session.id);
    for (const member of members)
      await this.submit(member.id, 'post', { ios: { ios: member.post }, check_phone: checkAnswers(this.random, tableObject) });
  }

  private async submit(participantId: string, phase: 'pre' | 'post', answers: unknown): Promise<void> {
    const participant = await this.get(ParticipantsRepository).findById(participantId);
    if (!participant) throw new Error(`simulated participant ${participantId} vanished`);
    await this.get(SubmissionsService).submit(participant, phase, `simulated-${participantId}-${phase}`, answers);
  }
}

/** The primary site as it is, or a new site: each is its own stratum of the allocation. */
async function simulatedSite(
  context: INestApplicationContext,
  principal: Principal,
  studyId: string,
  site: (typeof SIMULATED_SITES)[number],
): Promise<string> {
  const sites = context.get(SitesService, { strict: false });
  if (site.country === null) {
    const primary = (await sites.list(principal, studyId)).rows.find((row) => row.site.isPrimary);
    if (!primary) throw new Error('the simulated study has no primary site');
    return primary.site.id;
  }
  return (await sites.create(principal, studyId, { code: site.code, name: site.name, country: site.country })).row.site.id;
}

/**
 * A closed study of simulated dyads at three sites so that a newcomer's first start shows real
 * numbers on every results page, the CONSORT diagram and the replication panel with its forest
 * plot. Titled as simulated everywhere, and its "original effect" says it is invented and
 * unverified (so no replication label is claimed).
 */
export async function seedSimulatedStudy(context: INestApplicationContext, principal: Principal): Promise<string> {
  const studies = context.get(StudiesService, { strict: false });
  const { study } = await studies.create(principal, {
    title: SIMULATED_TITLE,
    templateId: 'phone_only',
    description:
      'Simulated by a seeded generator through the same services the API uses; no real person took part. Shown so every chart has numbers on the first start.',
  });
  await studies.updateDesign(principal, study.id, { design: simulatedDesign(study.design) });
  await studies.launch(principal, study.id);
  const simulation = new Simulation(context, principal, study.id);
  let index = 0;
  for (const site of SIMULATED_SITES) {
    const siteId = await simulatedSite(context, principal, study.id, site);
    for (let i = 0; i < site.dyads; i += 1) await simulation.dyad(index++, siteId, site.phoneEffect);
  }
  await context.get(ReplicationService, { strict: false }).record(principal, study.id, {
    factorId: 'phone',
    instrumentId: 'ios',
    instrumentVersion: 2,
    scale: 'ios',
    phase: 'post',
    citation: 'Invented for the demo: not a published result. Record a real original (with its page or table) for a real study.',
    doi: null,
    locator: 'none',
    statistic: { kind: 'd', d: -0.9, n1: 34, n2: 34 },
    verifiedBy: null,
    verifiedOn: null,
  });
  await studies.changeStatus(principal, study.id, 'close');
  return study.id;
}
