import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities, then trimmed: typeorm also proposed re-setting five unchanged
// '{}'::jsonb defaults (its diff noise), and it does not diff CHECK constraints, so the session
// status check (new status 'ended_early') is written here by hand.
export class ProtocolFidelity1796240308897 implements MigrationInterface {
  name = 'ProtocolFidelity1796240308897';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "participant"
            ADD "rejoined_from" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "response"
            ADD "check_results" jsonb
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ef603926cbc9b242a3aa87ee2e" ON "participant" ("rejoined_from")
            WHERE rejoined_from IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session" DROP CONSTRAINT "study_session_status_known"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session"
            ADD CONSTRAINT "study_session_status_known" CHECK (
                status IN ('forming', 'allocated', 'pre_survey', 'conversation', 'post_survey', 'complete', 'ended_early', 'abandoned')
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "study_session" DROP CONSTRAINT "study_session_status_known"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session"
            ADD CONSTRAINT "study_session_status_known" CHECK (
                status IN ('forming', 'allocated', 'pre_survey', 'conversation', 'post_survey', 'complete', 'abandoned')
            )
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ef603926cbc9b242a3aa87ee2e"
        `);
    await queryRunner.query(`
            ALTER TABLE "response" DROP COLUMN "check_results"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant" DROP COLUMN "rejoined_from"
        `);
  }
}
