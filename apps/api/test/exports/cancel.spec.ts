import { get, type IncomingMessage } from 'node:http';
import { launchedStudy } from '../sessions/factories';
import { startTestApp, type TestApp } from '../support/app';
import { accessToken } from '../support/auth';
import { baseUrlOf } from '../support/http-client';
import { ownerOf } from '../support/studies';
import { seedManyDyads } from './factories';

interface Backend {
  pid: number;
  state: string;
  wait_event: string | null;
  query: string;
}

async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

/** A download whose client reads the status line and then nothing, like a stalled browser. */
function stalledDownload(url: string, token: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.pause();
      resolve(res);
    });
    req.on('error', reject);
  });
}

describe('a client that disconnects mid-download', () => {
  let app: TestApp;
  let base: string;
  let token: string;
  let studyId: string;
  // The export's own connections (its pool is named), on this test's database only.
  const exportBackends = async (): Promise<Backend[]> =>
    (await app.db.dataSource.query(
      `SELECT pid, state, wait_event, query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'attune-export'`,
    )) as Backend[];

  beforeAll(async () => {
    app = await startTestApp();
    const owner = await ownerOf(app);
    const study = await launchedStudy(owner, { templateId: 'phone_topic' });
    studyId = study.id;
    const [protocol] = (await app.db.dataSource.query(
      `SELECT canonical_json::jsonb -> 'instruments' AS instruments FROM protocol WHERE study_id = $1`,
      [study.id],
    )) as { instruments: { phase: 'pre' | 'post'; id: string; version: number }[] }[];
    // ~130k long rows, ~30 MB: far more than the socket and stream buffers on the way hold.
    await seedManyDyads(app, study.id, study.design, 1500, protocol?.instruments ?? []);
    token = await accessToken(app, owner.session);
    // The shared builders may already have the app listening (typed client); one port serves both.
    base = await baseUrlOf(app);
  }, 60_000);

  afterAll(async () => {
    await app.close();
  });

  it('cancels the COPY in PostgreSQL, drops its connection and audits the download as not completed', async () => {
    const res = await stalledDownload(`${base}/api/studies/${studyId}/exports/long.csv`, token);
    expect(res.statusCode).toBe(200);
    // PostgreSQL is blocked sending rows nobody reads: the query is in flight, not finished.
    let copying: Backend | undefined;
    await until('the COPY to block on the stalled client', async () => {
      copying = (await exportBackends()).find(
        (b) => b.state === 'active' && b.query.startsWith('COPY (') && b.wait_event === 'ClientWrite',
      );
      return copying !== undefined;
    });
    res.destroy();
    // Cancelled and its connection discarded (the pool may keep another, idle, connection).
    await until('the COPY backend to end', async () => !(await exportBackends()).some((b) => b.pid === copying?.pid), 5_000);
    await until(
      'the audit event',
      async () => {
        const events = (await app.db.dataSource.query(`SELECT data FROM audit_event WHERE study_id = $1 AND action = 'export.download'`, [
          studyId,
        ])) as { data: { file: string; completed: boolean } }[];
        return events.length === 1 && events[0]?.data.file === 'long.csv' && events[0].data.completed === false;
      },
      5_000,
    );
  }, 60_000);
});
