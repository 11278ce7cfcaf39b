import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities (typeorm's re-setting of five unchanged '{}'::jsonb defaults removed),
// plus by hand: the trigger that keeps participant_score equal to the submitted responses' scores,
// and the backfill. The results read these rows instead of expanding every response's jsonb (P4).

export class ParticipantScores1796309624234 implements MigrationInterface {
  name = 'ParticipantScores1796309624234';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "participant_score" (
                "participant_id" uuid NOT NULL,
                "instrument_id" text NOT NULL,
                "instrument_version" integer NOT NULL,
                "scale" text NOT NULL,
                "study_id" uuid NOT NULL,
                "pre" double precision,
                "post" double precision,
                CONSTRAINT "PK_49025d8d4ca35ae87dea37cf328" PRIMARY KEY (
                    "participant_id",
                    "instrument_id",
                    "instrument_version",
                    "scale"
                )
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "participant_score_study" ON "participant_score" ("study_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "participant_score"
            ADD CONSTRAINT "FK_eb6b88bd2352186537bfc201231" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // A response counts once submitted; each numeric scale score lands in its phase's column.
    // Undo the old row's part first (update, delete: withdrawal, purge), then add the new row's.
    await queryRunner.query(`
            CREATE FUNCTION participant_score_sync() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.submitted_at IS NOT NULL THEN
                UPDATE participant_score
                   SET pre = CASE WHEN OLD.phase = 'pre' THEN NULL ELSE pre END,
                       post = CASE WHEN OLD.phase = 'post' THEN NULL ELSE post END
                 WHERE participant_id = OLD.participant_id AND instrument_id = OLD.instrument_id AND instrument_version = OLD.instrument_version;
                DELETE FROM participant_score
                 WHERE participant_id = OLD.participant_id AND instrument_id = OLD.instrument_id AND instrument_version = OLD.instrument_version
                   AND pre IS NULL AND post IS NULL;
              END IF;
              IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.submitted_at IS NOT NULL THEN
                INSERT INTO participant_score AS ps (participant_id, instrument_id, instrument_version, scale, study_id, pre, post)
                SELECT NEW.participant_id, NEW.instrument_id, NEW.instrument_version, sc.key, NEW.study_id,
                       CASE WHEN NEW.phase = 'pre' THEN (sc.value)::float8 END,
                       CASE WHEN NEW.phase = 'post' THEN (sc.value)::float8 END
                  FROM jsonb_each(NEW.scores) sc
                 WHERE jsonb_typeof(sc.value) = 'number'
                ON CONFLICT (participant_id, instrument_id, instrument_version, scale) DO UPDATE
                   SET pre = CASE WHEN NEW.phase = 'pre' THEN EXCLUDED.pre ELSE ps.pre END,
                       post = CASE WHEN NEW.phase = 'post' THEN EXCLUDED.post ELSE ps.post END;
              END IF;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER participant_score_sync AFTER INSERT OR UPDATE OR DELETE ON "response"
            FOR EACH ROW EXECUTE FUNCTION participant_score_sync()
        `);
    await queryRunner.query(`
            INSERT INTO participant_score (participant_id, instrument_id, instrument_version, scale, study_id, pre, post)
            SELECT r.participant_id, r.instrument_id, r.instrument_version, sc.key, r.study_id,
                   max((sc.value)::float8) FILTER (WHERE r.phase = 'pre'), max((sc.value)::float8) FILTER (WHERE r.phase = 'post')
              FROM response r CROSS JOIN LATERAL jsonb_each(r.scores) sc
             WHERE r.submitted_at IS NOT NULL AND jsonb_typeof(sc.value) = 'number'
             GROUP BY r.participant_id, r.instrument_id, r.instrument_version, sc.key, r.study_id
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER participant_score_sync ON "response"`);
    await queryRunner.query(`DROP FUNCTION participant_score_sync()`);
    await queryRunner.query(`
            ALTER TABLE "participant_score" DROP CONSTRAINT "FK_eb6b88bd2352186537bfc201231"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."participant_score_study"
        `);
    await queryRunner.query(`
            DROP TABLE "participant_score"
        `);
  }
}
