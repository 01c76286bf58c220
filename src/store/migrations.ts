/**
 * Versioned migrations, run on open. The same list runs on SQLite and PostgreSQL; the only difference is
 * the binary column type, passed in. Never edit a shipped migration: add the next one.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

function migrations(engine: Engine): Record<string, Migration> {
  const binary = engine === 'postgres' ? 'bytea' : 'blob';
  const real = engine === 'postgres' ? 'double precision' : 'real';
  return {
    '0001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('runs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('start_time', 'bigint', (c) => c.notNull())
          .addColumn('sport', 'text', (c) => c.notNull())
          .addColumn('sport_label', 'text')
          .addColumn('name', 'text')
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('source_format', 'text', (c) => c.notNull())
          .addColumn('device', 'text')
          .addColumn('distance_m', sql.raw(real), (c) => c.notNull())
          .addColumn('elapsed_s', sql.raw(real))
          .addColumn('moving_s', sql.raw(real))
          .addColumn('pace_s_per_km', sql.raw(real))
          .addColumn('elevation_gain_m', sql.raw(real))
          .addColumn('avg_hr', sql.raw(real))
          .addColumn('max_hr', sql.raw(real))
          .addColumn('avg_cadence_spm', sql.raw(real))
          .addColumn('max_cadence_spm', sql.raw(real))
          .addColumn('cadence_change_spm', sql.raw(real))
          .addColumn('pace_change_pct', sql.raw(real))
          .addColumn('decoupling_pct', sql.raw(real))
          .addColumn('sample_count', 'integer', (c) => c.notNull())
          .addColumn('samples', sql.raw(binary))
          .addColumn('imported_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('runs_start_time').on('runs').column('start_time').execute();
        await db.schema.createIndex('runs_fingerprint').on('runs').column('fingerprint').unique().execute();

        await db.schema
          .createTable('assessments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('level', 'text', (c) => c.notNull())
          .addColumn('answers', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('pain_checkins')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('regions', 'text', (c) => c.notNull())
          .addColumn('score', 'integer', (c) => c.notNull())
          .addColumn('timing', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('run_id', 'text', (c) => c.references('runs.id').onDelete('set null'))
          .execute();
        await db.schema.createIndex('pain_checkins_at').on('pain_checkins').column('at').execute();
        await db.schema
          .createTable('exercise_sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('items', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .execute();
      },
    },
    '0002-psfs': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('psfs_ratings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('activity', 'text', (c) => c.notNull())
          .addColumn('score', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('exercise_sessions_at').on('exercise_sessions').column('at').execute();
        await db.schema
          .createIndex('assessments_created_at')
          .on('assessments')
          .column('created_at')
          .execute();
      },
    },
    '0003-check-backs': {
      async up(db: Kysely<unknown>) {
        // One answer per check-back: the assessment it answers, and the assessment the re-run produced.
        await db.schema
          .createTable('check_backs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assessment_id', 'text', (c) =>
            c.notNull().unique().references('assessments.id').onDelete('cascade'),
          )
          .addColumn('due_on', 'text', (c) => c.notNull())
          .addColumn('answered_at', 'bigint', (c) => c.notNull())
          .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('easing', 'same', 'worse')`))
          .addColumn('result_assessment_id', 'text', (c) =>
            c.notNull().references('assessments.id').onDelete('cascade'),
          )
          .execute();
        await db.schema
          .createIndex('check_backs_answered_at')
          .on('check_backs')
          .column('answered_at')
          .execute();
      },
    },
    '0004-run-fidelity': {
      async up(db: Kysely<unknown>) {
        // What the file said beside what its samples say, and whether it was cut short (issue: import fidelity).
        await db.schema.alterTable('runs').addColumn('samples_distance_m', sql.raw(real)).execute();
        await db.schema
          .alterTable('runs')
          .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.alterTable('runs').addColumn('import_notes', 'text').execute();
        // Pace is moving time over distance, the two figures shown beside it; runs stored before this
        // took pace from the moving stretches with a distance only, so a list could show 3.10 km in 13:07
        // at 4:30 /km. Their timer times are not stored, so only the pace can be made to agree.
        await sql`update runs set pace_s_per_km = moving_s / (distance_m / 1000)
                  where moving_s > 0 and distance_m > 0`.execute(db);
      },
    },
    '0005-plan-changes': {
      async up(db: Kysely<unknown>) {
        // The runner's swaps and drops, one per exercise of the plan as built (issue 10: one plan).
        await db.schema
          .createTable('plan_changes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('exercise_id', 'text', (c) => c.notNull().unique())
          .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('swap', 'drop')`))
          .addColumn('replacement_id', 'text')
          .addColumn('changed_at', 'bigint', (c) => c.notNull())
          .addCheckConstraint(
            'plan_changes_replacement',
            sql`(action = 'swap') = (replacement_id is not null)`,
          )
          .execute();
      },
    },
    '0006-session-feedback': {
      async up(db: Kysely<unknown>) {
        // Issue 11: a guided session ends with "How did it feel?" and pain during, and may stop early.
        await db.schema
          .alterTable('exercise_sessions')
          .addColumn('feeling', 'text', (c) => c.check(sql`feeling in ('easy', 'about-right', 'hard')`))
          .execute();
        await db.schema
          .alterTable('exercise_sessions')
          .addColumn('pain_during', 'integer', (c) => c.check(sql`pain_during between 0 and 10`))
          .execute();
        await db.schema
          .alterTable('exercise_sessions')
          .addColumn('planned', 'integer', (c) => c.check(sql`planned between 1 and 100`))
          .execute();
      },
    },
    '0007-form-checks': {
      async up(db: Kysely<unknown>) {
        // Issue 12: running form measured from a clip. The measures, not the video, which is never stored.
        await db.schema
          .createTable('form_checks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('checked_at', 'bigint', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.check(sql`label in ('early', 'late')`))
          .addColumn('running', 'integer', (c) => c.notNull().check(sql`running in (0, 1)`))
          .addColumn('view', 'text', (c) => c.check(sql`view in ('side', 'back', 'front')`))
          .addColumn('cadence_spm', sql.raw(real))
          .addColumn('measures', 'text', (c) => c.notNull())
          .addColumn('findings', 'text', (c) => c.notNull())
          .addColumn('quality', 'text', (c) => c.notNull())
          .addColumn('key_frames', 'text')
          .execute();
        await db.schema
          .createIndex('form_checks_checked_at')
          .on('form_checks')
          .column('checked_at')
          .execute();
      },
    },
  };
}

export function migrationProvider(engine: Engine): MigrationProvider {
  return { getMigrations: async () => migrations(engine) };
}
