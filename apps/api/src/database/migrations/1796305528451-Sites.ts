import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities; typeorm's re-setting of five unchanged '{}'::jsonb defaults removed
// (diff noise). Hand-written: the backfill (a primary site for every study, every session and
// participant at it) and the triggers that keep "every study has a primary site" and "a row without
// a site is at the primary site" true for every writer, factories and imports included.

export class Sites1796305528451 implements MigrationInterface {
  name = 'Sites1796305528451';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "study_site" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "study_id" uuid NOT NULL,
                "code" text NOT NULL,
                "name" text NOT NULL,
                "country" text,
                "language" text,
                "join_code" text,
                "is_primary" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "study_site_code" UNIQUE ("study_id", "code"),
                CONSTRAINT "study_site_primary_uses_study_code" CHECK (is_primary = (join_code IS NULL)),
                CONSTRAINT "study_site_code_format" CHECK (code ~ '^[a-z0-9_-]{1,20}$'),
                CONSTRAINT "PK_e01f69702ff3b92d37ba8982eeb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "study_site_join_code" ON "study_site" ("join_code")
            WHERE join_code IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "study_site_one_primary" ON "study_site" ("study_id")
            WHERE is_primary
        `);
    await queryRunner.query(`
            ALTER TABLE "study_site"
            ADD CONSTRAINT "FK_1bcd353851920efb4b33ca65616" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Backfill: every existing study gets its primary site.
    await queryRunner.query(`
            INSERT INTO "study_site" ("study_id", "code", "name", "is_primary")
            SELECT "id", 'main', 'Main site', true FROM "study"
        `);
    // Every new study gets one too, whoever inserts it (the API, an import, a test factory).
    await queryRunner.query(`
            CREATE FUNCTION study_primary_site() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO study_site (study_id, code, name, is_primary) VALUES (NEW.id, 'main', 'Main site', true);
                RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER study_primary_site AFTER INSERT ON "study"
            FOR EACH ROW EXECUTE FUNCTION study_primary_site()
        `);
    await queryRunner.query(`ALTER TABLE "study_session" ADD "site_id" uuid`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "site_id" uuid`);
    await queryRunner.query(`
            UPDATE "study_session" s SET "site_id" = site.id
              FROM "study_site" site WHERE site.study_id = s.study_id AND site.is_primary
        `);
    await queryRunner.query(`
            UPDATE "participant" p SET "site_id" = site.id
              FROM "study_site" site WHERE site.study_id = p.study_id AND site.is_primary
        `);
    await queryRunner.query(`ALTER TABLE "study_session" ALTER COLUMN "site_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "participant" ALTER COLUMN "site_id" SET NOT NULL`);
    // A session or participant written without a site is at the primary site (a participant
    // seated in a session: at the session's site).
    await queryRunner.query(`
            CREATE FUNCTION session_default_site() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.site_id IS NULL THEN
                    SELECT id INTO NEW.site_id FROM study_site WHERE study_id = NEW.study_id AND is_primary;
                END IF;
                RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION participant_default_site() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.site_id IS NULL AND NEW.session_id IS NOT NULL THEN
                    SELECT site_id INTO NEW.site_id FROM study_session WHERE id = NEW.session_id;
                END IF;
                IF NEW.site_id IS NULL THEN
                    SELECT id INTO NEW.site_id FROM study_site WHERE study_id = NEW.study_id AND is_primary;
                END IF;
                RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER study_session_default_site BEFORE INSERT ON "study_session"
            FOR EACH ROW EXECUTE FUNCTION session_default_site()
        `);
    await queryRunner.query(`
            CREATE TRIGGER participant_default_site BEFORE INSERT ON "participant"
            FOR EACH ROW EXECUTE FUNCTION participant_default_site()
        `);
    await queryRunner.query(`
            ALTER TABLE "study_member"
            ADD "site_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b6460ae98731e7ce8b6fcf24d7" ON "study_session" ("site_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_743886de4708cb7e8521865139" ON "participant" ("site_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "study_member"
            ADD CONSTRAINT "study_member_site_only_researchers" CHECK (
                    site_id IS NULL
                    OR role = 'researcher'
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session"
            ADD CONSTRAINT "FK_b6460ae98731e7ce8b6fcf24d79" FOREIGN KEY ("site_id") REFERENCES "study_site"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "participant"
            ADD CONSTRAINT "FK_743886de4708cb7e8521865139d" FOREIGN KEY ("site_id") REFERENCES "study_site"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "study_member"
            ADD CONSTRAINT "FK_46035a2b473643942d12f823c48" FOREIGN KEY ("site_id") REFERENCES "study_site"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "study_member" DROP CONSTRAINT "FK_46035a2b473643942d12f823c48"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant" DROP CONSTRAINT "FK_743886de4708cb7e8521865139d"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session" DROP CONSTRAINT "FK_b6460ae98731e7ce8b6fcf24d79"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_member" DROP CONSTRAINT "study_member_site_only_researchers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_743886de4708cb7e8521865139"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b6460ae98731e7ce8b6fcf24d7"
        `);
    await queryRunner.query(`DROP TRIGGER participant_default_site ON "participant"`);
    await queryRunner.query(`DROP TRIGGER study_session_default_site ON "study_session"`);
    await queryRunner.query(`DROP FUNCTION participant_default_site()`);
    await queryRunner.query(`DROP FUNCTION session_default_site()`);
    await queryRunner.query(`DROP TRIGGER study_primary_site ON "study"`);
    await queryRunner.query(`DROP FUNCTION study_primary_site()`);
    await queryRunner.query(`
            ALTER TABLE "study_member" DROP COLUMN "site_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "participant" DROP COLUMN "site_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "study_session" DROP COLUMN "site_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."study_site_one_primary"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."study_site_join_code"
        `);
    await queryRunner.query(`
            DROP TABLE "study_site"
        `);
  }
}
