import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities; typeorm's re-setting of five unchanged '{}'::jsonb defaults removed (diff noise).

export class DraftRevision1796304485371 implements MigrationInterface {
  name = 'DraftRevision1796304485371';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "study"
            ADD "revision" integer NOT NULL DEFAULT '1'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "study" DROP COLUMN "revision"
        `);
  }
}
