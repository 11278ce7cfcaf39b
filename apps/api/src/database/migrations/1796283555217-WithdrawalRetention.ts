import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities; typeorm's re-setting of five unchanged '{}'::jsonb defaults removed
// (diff noise), and the widened participant_status_known check written by hand (typeorm does not
// diff a check's text).

export class WithdrawalRetention1796283555217 implements MigrationInterface {
  name = 'WithdrawalRetention1796283555217';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "study"
            ADD "identifiers_deleted_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "study"
            ADD "participant_data_purged_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session"
            ADD "withdrawn_member" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "participant"
            ADD "withdrawal_code_hash" text
        `);
    await queryRunner.query(`
            ALTER TABLE "participant"
            ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_38cd5aea4978a734db0dee4520" ON "participant" ("withdrawal_code_hash")
            WHERE withdrawal_code_hash IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "participant" DROP CONSTRAINT "participant_status_known"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant"
            ADD CONSTRAINT "participant_status_known" CHECK (status IN ('joined', 'consented', 'declined', 'left', 'withdrawn'))
        `);
    await queryRunner.query(`
            ALTER TABLE "participant"
            ADD CONSTRAINT "participant_withdrawn_when" CHECK (
                    (status = 'withdrawn') = (withdrawn_at IS NOT NULL)
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "participant" DROP CONSTRAINT "participant_withdrawn_when"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant" DROP CONSTRAINT "participant_status_known"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant"
            ADD CONSTRAINT "participant_status_known" CHECK (status IN ('joined', 'consented', 'declined', 'left'))
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_38cd5aea4978a734db0dee4520"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant" DROP COLUMN "withdrawn_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant" DROP COLUMN "withdrawal_code_hash"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session" DROP COLUMN "withdrawn_member"
        `);
    await queryRunner.query(`
            ALTER TABLE "study" DROP COLUMN "participant_data_purged_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "study" DROP COLUMN "identifiers_deleted_at"
        `);
  }
}
