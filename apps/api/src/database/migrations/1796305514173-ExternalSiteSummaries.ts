import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities; only this feature's table kept (the sites feature's own migration
// adds its tables), and typeorm's re-setting of unchanged '{}'::jsonb defaults removed.

export class ExternalSiteSummaries1796305514173 implements MigrationInterface {
  name = 'ExternalSiteSummaries1796305514173';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "external_site_summary" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "study_id" uuid NOT NULL,
                "label" text NOT NULL,
                "design_hash" text NOT NULL,
                "summary" jsonb NOT NULL,
                "imported_by" uuid NOT NULL,
                "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_05f4df78ceaadb98613e817ce70" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "external_site_summary_label" ON "external_site_summary" ("study_id", "label")
        `);
    await queryRunner.query(`
            ALTER TABLE "external_site_summary"
            ADD CONSTRAINT "FK_e2d2f5d2edb7c55a1006878c830" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "external_site_summary" DROP CONSTRAINT "FK_e2d2f5d2edb7c55a1006878c830"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."external_site_summary_label"
        `);
    await queryRunner.query(`
            DROP TABLE "external_site_summary"
        `);
  }
}
