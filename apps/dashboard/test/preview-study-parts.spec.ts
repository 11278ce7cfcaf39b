import { studyParts } from '@/lib/preview/study-parts';

const labels = (...args: Parameters<typeof studyParts>) => studyParts(...args).map((part) => part.label);

describe('studyParts: the study nav follows the status and the role', () => {
  it("offers design and launch on an owner's draft, amend once launched or paused", () => {
    expect(labels({ status: 'draft', role: 'owner' })).toEqual([
      'Study',
      'Design',
      'Preview',
      'Launch',
      'Live monitor',
      'Results',
      'Replication',
      'Export',
      'Lab sessions',
      'Team',
    ]);
    expect(labels({ status: 'launched', role: 'owner' })).toContain('Amend');
    expect(labels({ status: 'paused', role: 'owner' })).toContain('Amend');
    expect(labels({ status: 'launched', role: 'owner' })).not.toContain('Launch');
    expect(labels({ status: 'closed', role: 'owner' }).filter((label) => ['Design', 'Launch', 'Amend'].includes(label))).toEqual([]);
  });

  it('never offers editing to researchers and analysts, nor to a study that could not be read', () => {
    for (const role of ['researcher', 'analyst'] as const) {
      expect(labels({ status: 'draft', role }).filter((label) => ['Design', 'Launch', 'Amend'].includes(label))).toEqual([]);
    }
    expect(labels(null)).toEqual(['Study', 'Preview', 'Live monitor', 'Results', 'Replication', 'Export', 'Lab sessions', 'Team']);
  });
});
