import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities; typeorm's re-setting of five unchanged '{}'::jsonb defaults removed (diff noise).

export class ParticipantTokens1796285778673 implements MigrationInterface {
  name = 'ParticipantTokens1796285778673';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "study_session"
            ADD "ended_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "participant"
            ADD "external_key" text
        `);
    await queryRunner.query(`
            ALTER TABLE "seat_link"
            ADD "used_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "participant_external_key" ON "participant" ("study_id", "external_key")
            WHERE external_key IS NOT NULL
        `);
    // Sessions that already ended: their last update is when they ended.
    await queryRunner.query(`
            UPDATE "study_session" SET "ended_at" = "updated_at" WHERE "status" IN ('complete', 'ended_early', 'abandoned')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."participant_external_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "seat_link" DROP COLUMN "used_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant" DROP COLUMN "external_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session" DROP COLUMN "ended_at"
        `);
  }
}
