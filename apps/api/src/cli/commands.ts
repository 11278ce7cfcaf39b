import { writeFileSync } from 'node:fs';
import { AccountsService, generatePassword } from '../auth/accounts.service';
import { AllocationVerificationService } from '../allocation/allocation-verification.service';
import { type Command, stringOption } from './args';
import { seedDemo } from './demo';
import { purgeStudy, retentionRun } from './retention-commands';

function fail(message: string): number {
  process.stderr.write(`attune: ${message}\n`);
  return 2;
}

const migrate: Command = {
  summary: 'apply pending migrations (also done by every start)',
  run: async () => {
    process.stdout.write('migrations are current\n');
    return 0;
  },
};

const createUser: Command = {
  summary: 'create-user --email E [--password P] [--admin]  (password generated when omitted)',
  run: async (context, args) => {
    const email = stringOption(args, 'email');
    if (!email) return fail('create-user needs --email');
    const given = stringOption(args, 'password');
    const password = given ?? generatePassword();
    const user = await context.get(AccountsService).createAccount({ email, password, isAdmin: args.options['admin'] === true }, 'system');
    process.stdout.write(`created ${user.isAdmin ? 'admin' : 'user'} ${user.email}\n`);
    if (given === undefined) process.stdout.write(`password (shown once): ${password}\n`);
    return 0;
  },
};

/**
 * First-start seeding. Prints a generated admin password once and, when asked, writes it to a
 * mode-600 file so a newcomer who missed the terminal line can still log in.
 */
const seed: Command = {
  summary: 'seed [--credentials-file F] [--demo]  first admin when there is none; with --demo a demo study and a fresh lab session',
  run: async (context, args) => {
    const result = await context
      .get(AccountsService)
      .ensureAdmin(process.env['ATTUNE_ADMIN_EMAIL'] || undefined, process.env['ATTUNE_ADMIN_PASSWORD'] || undefined);
    const file = stringOption(args, 'credentials-file');
    if (result.created && result.generatedPassword) {
      if (file) writeFileSync(file, `email=${result.email}\npassword=${result.generatedPassword}\n`, { mode: 0o600 });
      process.stdout.write(`ATTUNE_SEED admin ${JSON.stringify({ email: result.email, password: result.generatedPassword })}\n`);
    } else if (result.created) {
      process.stdout.write(`ATTUNE_SEED admin ${JSON.stringify({ email: result.email })}\n`);
    }
    if (args.options['demo'] === true) {
      const demo = await seedDemo(context);
      if (demo) process.stdout.write(`ATTUNE_SEED demo ${JSON.stringify(demo)}\n`);
    }
    return 0;
  },
};

/** Regenerates a closed study's allocation sequence from its revealed seed and compares. */
const verifyAllocation: Command = {
  summary: "verify-allocation <study-id>  regenerate a closed study's sequence and compare",
  run: async (context, args) => {
    const studyId = args.positional[0];
    if (!studyId || !/^[0-9a-f-]{36}$/i.test(studyId)) return fail('verify-allocation needs a study id (uuid)');
    const report = await context.get(AllocationVerificationService).verify('system', studyId);
    process.stdout.write(`seed ${report.seedHex}\ncommitment ${report.seedCommitment}\n`);
    for (const stratum of report.strata) {
      process.stdout.write(
        `stratum "${stratum.stratum || '(all)'}": ${stratum.checked} allocations, ${stratum.mismatches.length} mismatches\n`,
      );
      for (const m of stratum.mismatches)
        process.stdout.write(`  index ${m.index}: stored ${m.stored ?? '(missing)'}, expected ${m.expected}\n`);
    }
    for (const m of report.sessions)
      process.stdout.write(
        `session ${m.sessionId}: ${m.field} stored ${m.stored ?? '(none)'}, expected ${m.expected ?? '(not computable)'}\n`,
      );
    process.stdout.write(
      report.matches ? 'OK: the stored allocations equal the sequence regenerated from the seed\n' : 'MISMATCH: see above\n',
    );
    return report.matches ? 0 : 1;
  },
};

export const COMMANDS: Readonly<Record<string, Command>> = {
  migrate,
  seed,
  'create-user': createUser,
  'verify-allocation': verifyAllocation,
  'purge-study': purgeStudy,
  'retention-run': retentionRun,
};
