import { createInterface } from 'node:readline/promises';
import { RetentionService } from '../retention/retention.service';
import type { Command, ParsedArgs } from './args';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The operator retypes the id's first block; without a terminal only --yes confirms. */
async function confirmed(studyId: string, args: ParsedArgs): Promise<boolean> {
  if (args.options['yes'] === true) return true;
  if (!process.stdin.isTTY) {
    process.stderr.write('attune: purge-study deletes data for good; run it in a terminal to confirm, or pass --yes\n');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const expected = studyId.slice(0, 8);
    const answer = await prompt.question(
      `This deletes every participant's answers, consents and ids of study ${studyId} for good.\nType ${expected} to confirm: `,
    );
    return answer.trim() === expected;
  } finally {
    prompt.close();
  }
}

export const purgeStudy: Command = {
  summary: "purge-study <study-id> [--yes]  delete a closed study's participant data; keeps protocol, hash and allocations",
  run: async (context, args) => {
    const studyId = args.positional[0];
    if (!studyId || !UUID.test(studyId)) {
      process.stderr.write('attune: purge-study needs a study id (uuid)\n');
      return 2;
    }
    if (!(await confirmed(studyId, args))) {
      process.stdout.write('not confirmed: nothing deleted\n');
      return 1;
    }
    const purged = await context.get(RetentionService).purgeStudy(studyId, { userId: null });
    process.stdout.write(
      `purged study ${studyId}: ${purged.participants} participants, ${purged.responses} responses deleted; protocol and allocations kept\n`,
    );
    return 0;
  },
};

export const retentionRun: Command = {
  summary: 'retention-run  delete external ids and identifying free text of studies closed RETENTION_DAYS ago (also scheduled)',
  run: async (context) => {
    const run = await context.get(RetentionService).run();
    if (!run.ran) process.stdout.write('another API instance is running the retention job; nothing done here\n');
    for (const study of run.studies)
      process.stdout.write(
        `study ${study.studyId}: ${study.externalIds} external ids, ${study.identifyingAnswers} identifying answers deleted\n`,
      );
    if (run.ran) process.stdout.write(`retention: ${run.studies.length} studies due\n`);
    return 0;
  },
};
