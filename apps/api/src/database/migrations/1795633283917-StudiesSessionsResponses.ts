import { MigrationInterface, QueryRunner } from 'typeorm';

export class StudiesSessionsResponses1795633283917 implements MigrationInterface {
  name = 'StudiesSessionsResponses1795633283917';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "phase_submission" ("participant_id" uuid NOT NULL, "phase" text NOT NULL, "idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "state" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "phase_submission_state_known" CHECK (state IN ('in_progress', 'done')), CONSTRAINT "PK_43669c676dfb4d27d984fe19a61" PRIMARY KEY ("participant_id", "phase"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "study" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'draft', "design" jsonb NOT NULL, "join_code" text NOT NULL, "protocol_version" integer, "seed_hex" text, "seed_commitment" text, "seed_revealed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "study_seed_only_when_launched" CHECK ((status = 'draft') = (seed_hex IS NULL)), CONSTRAINT "study_status_known" CHECK (status IN ('draft', 'launched', 'paused', 'closed')), CONSTRAINT "PK_ae14dbea0172b8521edb2ce4597" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8a8bf8b7b90ed581ca0eea2876" ON "study"  ("join_code") `);
    await queryRunner.query(
      `CREATE TABLE "study_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "mode" text NOT NULL, "code" text NOT NULL, "status" text NOT NULL DEFAULT 'forming', "size" integer NOT NULL, "protocol_version" integer NOT NULL, "stratum" text, "condition_id" text, "incomplete" boolean NOT NULL DEFAULT false, "dropout_reason" text, "observed_covariates" jsonb NOT NULL DEFAULT '{}'::jsonb, "conversation_started_at" TIMESTAMP WITH TIME ZONE, "conversation_seconds" integer, "conversation_ended_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "study_session_allocated_has_condition" CHECK ((status IN ('forming') OR (status = 'abandoned' AND condition_id IS NULL)) OR condition_id IS NOT NULL), CONSTRAINT "study_session_size" CHECK (size BETWEEN 1 AND 3), CONSTRAINT "study_session_status_known" CHECK (status IN ('forming', 'allocated', 'pre_survey', 'conversation', 'post_survey', 'complete', 'abandoned')), CONSTRAINT "PK_d09225f8e9d2b6682e3b13c46e0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_eb00d247ffa64b0240cc6effa5" ON "study_session"  ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_fe579547030994688b72288a50" ON "study_session"  ("study_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "session_id" uuid, "seat_number" integer, "token_hash" text NOT NULL, "status" text NOT NULL DEFAULT 'joined', "language" text NOT NULL DEFAULT 'en', "consent_version" text, "consent_hash" text, "consented_at" TIMESTAMP WITH TIME ZONE, "covariates" jsonb NOT NULL DEFAULT '{}'::jsonb, "covariates_at" TIMESTAMP WITH TIME ZONE, "instructions_confirmed_at" TIMESTAMP WITH TIME ZONE, "external_ids" jsonb NOT NULL DEFAULT '{}'::jsonb, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "left_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_497901c9846540e6a1fa1f8607b" UNIQUE ("token_hash"), CONSTRAINT "participant_one_per_seat" UNIQUE ("session_id", "seat_number"), CONSTRAINT "participant_seat_with_session" CHECK ((session_id IS NULL) = (seat_number IS NULL)), CONSTRAINT "participant_consent_recorded" CHECK (status NOT IN ('consented') OR (consented_at IS NOT NULL AND consent_hash IS NOT NULL)), CONSTRAINT "participant_status_known" CHECK (status IN ('joined', 'consented', 'declined', 'left')), CONSTRAINT "PK_64da4237f502041781ca15d4c41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_be471744c05b6d7c03d9bf280c" ON "participant"  ("study_id", "status", "last_seen_at") `);
    await queryRunner.query(
      `CREATE TABLE "response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "phase" text NOT NULL, "instrument_id" text NOT NULL, "instrument_version" integer NOT NULL, "protocol_version" integer NOT NULL, "consent_hash" text NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}'::jsonb, "scores" jsonb, "submitted_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "response_one_per_instrument" UNIQUE ("participant_id", "phase", "instrument_id"), CONSTRAINT "response_phase_known" CHECK (phase IN ('pre', 'post')), CONSTRAINT "PK_f64544baf2b4dc48ba623ce768f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_eb5caf14cbe236cbcec5239bc3" ON "response"  ("study_id", "phase") `);
    await queryRunner.query(
      `CREATE TABLE "allocation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "stratum" text NOT NULL, "sequence_index" integer NOT NULL, "condition_id" text NOT NULL, "session_id" uuid NOT NULL, "protocol_version" integer NOT NULL, "allocated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "allocation_one_per_session" UNIQUE ("session_id"), CONSTRAINT "allocation_slot" UNIQUE ("study_id", "stratum", "sequence_index"), CONSTRAINT "PK_7df89c736595e454b6ae07264fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "seat_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "seat_number" integer NOT NULL, "secret_hash" text NOT NULL, CONSTRAINT "UQ_a4db366520628659aabf709a467" UNIQUE ("secret_hash"), CONSTRAINT "seat_link_session_seat" UNIQUE ("session_id", "seat_number"), CONSTRAINT "PK_8b288d65fd5ab62efce9fcb1f04" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "protocol" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "version" integer NOT NULL, "canonical_json" text NOT NULL, "hash" text NOT NULL, "reason" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "protocol_study_version" UNIQUE ("study_id", "version"), CONSTRAINT "PK_bae34901abddccbddda15ea000c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "study_member" ("study_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "study_member_role_known" CHECK (role IN ('owner', 'researcher', 'analyst')), CONSTRAINT "PK_c6db613b2ac8c8efb90f9ef1db5" PRIMARY KEY ("study_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_22202d0756b6853a852794cba1" ON "study_member"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "data" SET DEFAULT '{}'::jsonb`);
    await queryRunner.query(
      `ALTER TABLE "study_session" ADD CONSTRAINT "FK_439608de30cd19e56b0fa4cc52b" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "FK_1a5eecedc314bd18649956742d8" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "FK_72b8a541f55ce59da48f0939479" FOREIGN KEY ("session_id") REFERENCES "study_session"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "response" ADD CONSTRAINT "FK_d8ac99e77d89b76b5fe9f73cb67" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "allocation" ADD CONSTRAINT "FK_b864728319254467957dc5dbdf2" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "allocation" ADD CONSTRAINT "FK_cacf7d9a259973f9e18c6665ebc" FOREIGN KEY ("session_id") REFERENCES "study_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seat_link" ADD CONSTRAINT "FK_d74781dd3e06837643b52cb6fb4" FOREIGN KEY ("session_id") REFERENCES "study_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "protocol" ADD CONSTRAINT "FK_197a7caab6b4bd0259103896904" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "study_member" ADD CONSTRAINT "FK_f3930396d88ce0ec87954f2b217" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "study_member" ADD CONSTRAINT "FK_22202d0756b6853a852794cba1d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "study_member" DROP CONSTRAINT "FK_22202d0756b6853a852794cba1d"`);
    await queryRunner.query(`ALTER TABLE "study_member" DROP CONSTRAINT "FK_f3930396d88ce0ec87954f2b217"`);
    await queryRunner.query(`ALTER TABLE "protocol" DROP CONSTRAINT "FK_197a7caab6b4bd0259103896904"`);
    await queryRunner.query(`ALTER TABLE "seat_link" DROP CONSTRAINT "FK_d74781dd3e06837643b52cb6fb4"`);
    await queryRunner.query(`ALTER TABLE "allocation" DROP CONSTRAINT "FK_cacf7d9a259973f9e18c6665ebc"`);
    await queryRunner.query(`ALTER TABLE "allocation" DROP CONSTRAINT "FK_b864728319254467957dc5dbdf2"`);
    await queryRunner.query(`ALTER TABLE "response" DROP CONSTRAINT "FK_d8ac99e77d89b76b5fe9f73cb67"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP CONSTRAINT "FK_72b8a541f55ce59da48f0939479"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP CONSTRAINT "FK_1a5eecedc314bd18649956742d8"`);
    await queryRunner.query(`ALTER TABLE "study_session" DROP CONSTRAINT "FK_439608de30cd19e56b0fa4cc52b"`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "data" SET DEFAULT '{}'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_22202d0756b6853a852794cba1"`);
    await queryRunner.query(`DROP TABLE "study_member"`);
    await queryRunner.query(`DROP TABLE "protocol"`);
    await queryRunner.query(`DROP TABLE "seat_link"`);
    await queryRunner.query(`DROP TABLE "allocation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb5caf14cbe236cbcec5239bc3"`);
    await queryRunner.query(`DROP TABLE "response"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_be471744c05b6d7c03d9bf280c"`);
    await queryRunner.query(`DROP TABLE "participant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fe579547030994688b72288a50"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb00d247ffa64b0240cc6effa5"`);
    await queryRunner.query(`DROP TABLE "study_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a8bf8b7b90ed581ca0eea2876"`);
    await queryRunner.query(`DROP TABLE "study"`);
    await queryRunner.query(`DROP TABLE "phase_submission"`);
  }
}
