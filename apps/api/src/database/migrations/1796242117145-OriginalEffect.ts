import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities; typeorm's re-setting of five unchanged '{}'::jsonb defaults removed (diff noise).

export class OriginalEffect1796242117145 implements MigrationInterface {
  name = 'OriginalEffect1796242117145';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "original_effect" (
                "study_id" uuid NOT NULL,
                "factor_id" text NOT NULL,
                "instrument_id" text NOT NULL,
                "instrument_version" integer NOT NULL,
                "scale" text NOT NULL,
                "phase" text NOT NULL,
                "citation" text NOT NULL,
                "doi" text,
                "locator" text NOT NULL,
                "statistic" jsonb NOT NULL,
                "verified_by" text,
                "verified_on" date,
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "original_effect_phase_known" CHECK (phase IN ('pre', 'post', 'change')),
                CONSTRAINT "PK_07e040e33ab723b81321e3c6209" PRIMARY KEY ("study_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "original_effect"
            ADD CONSTRAINT "FK_07e040e33ab723b81321e3c6209" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "original_effect" DROP CONSTRAINT "FK_07e040e33ab723b81321e3c6209"
        `);
    await queryRunner.query(`
            DROP TABLE "original_effect"
        `);
  }
}
