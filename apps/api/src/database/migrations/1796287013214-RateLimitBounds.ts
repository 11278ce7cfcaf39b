import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities; typeorm's re-setting of five unchanged '{}'::jsonb defaults removed (diff noise).

export class RateLimitBounds1796287013214 implements MigrationInterface {
  name = 'RateLimitBounds1796287013214';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "rate_limit_bucket_window" ON "rate_limit_bucket" ("window_start")
        `);
    await queryRunner.query(`
            ALTER TABLE "rate_limit_bucket"
            ADD CONSTRAINT "rate_limit_bucket_key_bounded" CHECK (char_length(key) <= 200)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "rate_limit_bucket" DROP CONSTRAINT "rate_limit_bucket_key_bounded"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."rate_limit_bucket_window"
        `);
  }
}
