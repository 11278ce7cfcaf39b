import { createTestDatabase, type TestDatabase } from '../support/database';

describe('audit_event is append-only', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`INSERT INTO audit_event (actor_type, action) VALUES ('system', 'test.event')`);
  });
  afterAll(() => db.drop());

  it('accepts inserts', async () => {
    const rows: Array<{ count: string }> = await db.dataSource.query(`SELECT count(*) FROM audit_event WHERE action = 'test.event'`);
    expect(rows[0]?.count).toBe('1');
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'rewritten'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('rejects %s', async (_op, sql) => {
    await expect(db.dataSource.query(sql)).rejects.toThrow(/append-only/);
    const rows: Array<{ count: string }> = await db.dataSource.query(`SELECT count(*) FROM audit_event WHERE action = 'test.event'`);
    expect(rows[0]?.count).toBe('1');
  });
});
