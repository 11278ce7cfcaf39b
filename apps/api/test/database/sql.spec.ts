import { QueryFailedError } from 'typeorm';
import { pooledSql, type Sql, sqlTransaction } from '../../src/common/database/sql';
import { updateResult } from '../../src/common/database/row-shapes';
import { createTestDatabase, type TestDatabase } from '../support/database';

// The submit's transaction runs on the pg pool without TypeORM's query runner: it must answer,
// fail and roll back exactly as a TypeORM manager does, or repository methods would differ by caller.
describe('Sql: statements straight on the pool', () => {
  let db: TestDatabase;
  const count = async (): Promise<number> => {
    const rows: Array<{ n: number }> = await db.dataSource.query(`SELECT count(*)::int AS n FROM sql_probe`);
    return rows[0]?.n ?? -1;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE sql_probe (id int PRIMARY KEY, label text NOT NULL)`);
  });
  beforeEach(() => db.dataSource.query(`TRUNCATE sql_probe`));
  afterAll(() => db.drop());

  it("answers in TypeORM's shapes: rows, and [rows, rowCount] for UPDATE and DELETE", async () => {
    const sql = pooledSql(db.dataSource);
    const viaTypeorm: Sql = db.dataSource.manager;
    for (const runner of [sql, viaTypeorm]) {
      await db.dataSource.query(`TRUNCATE sql_probe`);
      expect(await runner.query(`INSERT INTO sql_probe VALUES (1, 'a'), (2, 'b') RETURNING id`)).toEqual([{ id: 1 }, { id: 2 }]);
      expect(updateResult(await runner.query(`UPDATE sql_probe SET label = 'c' WHERE id = $1 RETURNING id`, [2]), 'update')).toEqual({
        rows: [{ id: 2 }],
        affected: 1,
      });
      expect(updateResult(await runner.query(`DELETE FROM sql_probe WHERE id = 99`), 'delete').affected).toBe(0);
    }
  });

  it('fails with QueryFailedError carrying the driver error, like a TypeORM manager', async () => {
    const failure = await pooledSql(db.dataSource)
      .query(`INSERT INTO sql_probe VALUES (1, NULL)`)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError<Error & { code?: string }>).driverError.code).toBe('23502');
  });

  it('commits when the work resolves', async () => {
    const result = await sqlTransaction(db.dataSource, async (tx) => {
      await tx.query(`INSERT INTO sql_probe VALUES (1, 'a')`);
      await tx.query(`INSERT INTO sql_probe VALUES (2, 'b')`);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await count()).toBe(2);
  });

  it('rolls back every statement when the work throws, and rethrows its error', async () => {
    const failure = await sqlTransaction(db.dataSource, async (tx) => {
      await tx.query(`INSERT INTO sql_probe VALUES (1, 'a')`);
      throw new Error('validation failed after the first write');
    }).catch((error: unknown) => error);
    expect((failure as Error).message).toBe('validation failed after the first write');
    expect(await count()).toBe(0);
  });

  it('rolls back when a statement fails mid-way, and the pooled connection is usable afterwards', async () => {
    const failure = await sqlTransaction(db.dataSource, async (tx) => {
      await tx.query(`INSERT INTO sql_probe VALUES (1, 'a')`);
      await tx.query(`INSERT INTO sql_probe VALUES (1, 'duplicate')`);
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(await count()).toBe(0);
    // Every pooled connection must be out of the aborted transaction (no "current transaction is aborted").
    const pool = Array.from({ length: 12 }, (_, i) => pooledSql(db.dataSource).query(`INSERT INTO sql_probe VALUES ($1, 'ok')`, [i + 10]));
    await Promise.all(pool);
    expect(await count()).toBe(12);
  });

  it('takes row locks that a concurrent transaction waits for', async () => {
    await db.dataSource.query(`INSERT INTO sql_probe VALUES (1, 'a')`);
    const order: string[] = [];
    let locked!: () => void;
    let release!: () => void;
    const firstLocked = new Promise<void>((resolve) => (locked = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = sqlTransaction(db.dataSource, async (tx) => {
      await tx.query(`SELECT * FROM sql_probe WHERE id = 1 FOR UPDATE`);
      order.push('first locked');
      locked();
      await held;
      await tx.query(`UPDATE sql_probe SET label = 'first' WHERE id = 1`);
      order.push('first wrote');
    });
    await firstLocked;
    const second = sqlTransaction(db.dataSource, async (tx) => {
      const rows = await tx.query(`SELECT label FROM sql_probe WHERE id = 1 FOR UPDATE`);
      order.push(`second locked, saw ${(rows as Array<{ label: string }>)[0]?.label}`);
    });
    // However long we wait, the second cannot get the row while the first holds it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(['first locked']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first wrote', 'second locked, saw first']);
  });
});
