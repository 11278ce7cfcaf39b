// The CONSORT flow diagram (Schulz, Altman & Moher 2010, extended to cluster trials by Campbell
// et al. 2012) as boxes and arrows: enrolment on top, one column per arm for allocation,
// follow-up and analysis. Pure, so the layout is tested without a browser.

export interface FlowCounts {
  readonly participants: number;
  readonly sessions: number;
  readonly reachedConversation: number;
  readonly completed: number;
  readonly leftAfterAllocation: number;
  readonly excludedWithSession: number;
  readonly excludedFailedCheck: number;
  readonly withdrew: number;
  readonly analysed: number;
}

export interface FlowInput {
  readonly people: {
    readonly joined: number;
    readonly declinedConsent: number;
    readonly leftBeforeAllocation: number;
    readonly notAllocated: number;
    readonly allocated: number;
  };
  readonly arms: ReadonlyArray<{
    readonly label: string;
    readonly counts: FlowCounts;
    readonly dropouts: ReadonlyArray<{ readonly reason: string; readonly sessions: number }>;
  }>;
}

export interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
}

export interface Arrow {
  readonly from: string;
  readonly to: string;
}

export interface ConsortLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly Box[];
  readonly arrows: readonly Arrow[];
}

const COLUMN = 220;
const GAP = 20;
const LINE = 18;
const PAD = 10;

function box(id: string, x: number, y: number, width: number, lines: readonly string[]): Box {
  return { id, x, y, width, height: lines.length * LINE + 2 * PAD, lines };
}

function reasonLines(dropouts: FlowInput['arms'][number]['dropouts']): string[] {
  return dropouts.map(
    (dropout) => `  ${dropout.reason.replace('member_left:', 'partner left in ').replace('_', ' ')}: ${dropout.sessions}`,
  );
}

function armBoxes(arm: FlowInput['arms'][number], index: number, top: number): Box[] {
  const x = GAP + index * (COLUMN + GAP);
  const c = arm.counts;
  const allocated = box(`allocated-${index}`, x, top, COLUMN, [
    arm.label,
    `Allocated: ${c.sessions} sessions`,
    `${c.participants} participants`,
  ]);
  const followUp = box(`follow-${index}`, x, allocated.y + allocated.height + 40, COLUMN, [
    `Talked: ${c.reachedConversation}`,
    `Completed: ${c.completed}`,
    `Left after allocation: ${c.leftAfterAllocation}`,
    ...reasonLines(arm.dropouts),
  ]);
  const analysed = box(`analysed-${index}`, x, followUp.y + followUp.height + 40, COLUMN, [
    `Analysed: ${c.analysed}`,
    `Excluded with session: ${c.excludedWithSession}`,
    `Excluded, failed check: ${c.excludedFailedCheck}`,
    `Withdrew consent: ${c.withdrew}`,
  ]);
  return [allocated, followUp, analysed];
}

/** Every box and arrow, in SVG user units; the width grows with the number of arms. */
export function consortLayout(input: FlowInput): ConsortLayout {
  // At least three columns wide, so the exclusions box sits beside the trunk, not under it.
  const width = Math.max(3 * (COLUMN + GAP) + GAP, input.arms.length * (COLUMN + GAP) + GAP);
  const centre = (width - COLUMN) / 2;
  const enrolled = box('joined', centre, GAP, COLUMN, [`Joined: ${input.people.joined} people`]);
  const notAllocated = box('not-allocated', centre + COLUMN + GAP, enrolled.y + enrolled.height + 10, COLUMN, [
    `Not allocated: ${input.people.declinedConsent + input.people.leftBeforeAllocation + input.people.notAllocated}`,
    `  declined consent: ${input.people.declinedConsent}`,
    `  left before allocation: ${input.people.leftBeforeAllocation}`,
    `  still waiting: ${input.people.notAllocated}`,
  ]);
  const randomised = box('allocated', centre, notAllocated.y + notAllocated.height + 10, COLUMN, [
    `Randomised: ${input.people.allocated} people`,
  ]);
  const arms = input.arms.map((arm, index) => armBoxes(arm, index, randomised.y + randomised.height + 40));
  const boxes = [enrolled, notAllocated, randomised, ...arms.flat()];
  const arrows: Arrow[] = [
    { from: 'joined', to: 'allocated' },
    { from: 'joined', to: 'not-allocated' },
    ...arms.flatMap((_, i) => [
      { from: 'allocated', to: `allocated-${i}` },
      { from: `allocated-${i}`, to: `follow-${i}` },
      { from: `follow-${i}`, to: `analysed-${i}` },
    ]),
  ];
  const height = Math.max(...boxes.map((b) => b.y + b.height)) + GAP;
  return { width, height, boxes, arrows };
}
