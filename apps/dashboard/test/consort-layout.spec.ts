import { consortLayout, type FlowInput } from '@/lib/results/consort-layout';

const counts = {
  participants: 20,
  sessions: 10,
  reachedConversation: 18,
  completed: 16,
  leftAfterAllocation: 2,
  excludedWithSession: 0,
  excludedFailedCheck: 1,
  withdrew: 0,
  analysed: 17,
};

function input(arms: number): FlowInput {
  return {
    people: { joined: 50, declinedConsent: 3, leftBeforeAllocation: 2, notAllocated: 1, allocated: 44 },
    arms: Array.from({ length: arms }, (_, i) => ({
      label: `arm ${i}`,
      counts,
      dropouts: [{ reason: 'member_left:pre_survey', sessions: 1 }],
    })),
  };
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('CONSORT layout', () => {
  it.each([1, 2, 4, 8])('lays out %i arms side by side without overlapping boxes, inside the canvas', (arms) => {
    const layout = consortLayout(input(arms));
    expect(layout.boxes).toHaveLength(3 + 3 * arms);
    for (const [i, a] of layout.boxes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.boxes.slice(i + 1)) expect([a.id, b.id, overlaps(a, b)]).toEqual([a.id, b.id, false]);
    }
    const tops = layout.boxes.filter((b) => b.id.startsWith('allocated-')).map((b) => b.y);
    expect(new Set(tops).size).toBe(1);
  });

  it('says every count it was given, reasons in words, and connects each arm top to bottom', () => {
    const layout = consortLayout(input(2));
    const text = layout.boxes.flatMap((b) => b.lines).join('\n');
    for (const expected of [
      'Joined: 50 people',
      'declined consent: 3',
      'left before allocation: 2',
      'Randomised: 44 people',
      'Allocated: 10 sessions',
      'Analysed: 17',
      'partner left in pre survey: 1',
    ]) {
      expect(text).toContain(expected);
    }
    const ids = new Set(layout.boxes.map((b) => b.id));
    for (const arrow of layout.arrows) expect(ids.has(arrow.from) && ids.has(arrow.to)).toBe(true);
    expect(layout.arrows).toEqual(expect.arrayContaining([{ from: 'follow-1', to: 'analysed-1' }]));
  });
});

describe('CONSORT exclusions box', () => {
  it('sits beside the trunk, clear of the enrolment and randomisation boxes horizontally', () => {
    for (const arms of [1, 2, 3, 6]) {
      const layout = consortLayout({
        people: { joined: 1, declinedConsent: 0, leftBeforeAllocation: 0, notAllocated: 0, allocated: 1 },
        arms: Array.from({ length: arms }, () => ({
          label: 'a',
          counts: {
            participants: 0,
            sessions: 0,
            reachedConversation: 0,
            completed: 0,
            leftAfterAllocation: 0,
            excludedWithSession: 0,
            excludedFailedCheck: 0,
            withdrew: 0,
            analysed: 0,
          },
          dropouts: [],
        })),
      });
      const [joined, side] = [layout.boxes.find((b) => b.id === 'joined'), layout.boxes.find((b) => b.id === 'not-allocated')];
      expect(side && joined && side.x >= joined.x + joined.width).toBe(true);
      expect(side && side.x + side.width <= layout.width).toBe(true);
    }
  });
});
