import { type APIRequestContext, expect, type PlaywrightWorkerArgs } from '@playwright/test';

/** Fails loudly rather than skipping: a journey that silently skips proves nothing. */
export function adminCredentials(): { email: string; password: string } {
  const email = process.env['ATTUNE_ADMIN_EMAIL'];
  const password = process.env['ATTUNE_ADMIN_PASSWORD'];
  if (!email || !password) throw new Error('Set ATTUNE_ADMIN_EMAIL and ATTUNE_ADMIN_PASSWORD (the root test script does)');
  return { email, password };
}

export function webUrl(): string {
  return process.env['ATTUNE_WEB_URL'] ?? 'http://localhost:3000';
}

export type TemplateId = 'phone_seating' | 'phone_topic' | 'phone_only';

export interface LabSession {
  readonly id: string;
  readonly code: string;
  readonly seats: readonly { readonly seatNumber: number; readonly joinPath: string }[];
}

export interface Study {
  readonly title: string;
  readonly id: string;
  readonly joinCode: string;
  readonly design: Record<string, unknown>;
}

export interface SessionDetail {
  readonly status: string;
  readonly conditionId: string | null;
  readonly seats: readonly { readonly participantId: string; readonly status: string; readonly seatNumber: number }[];
}

/**
 * The researcher side of a journey, through the dashboard's own /api pass-through (cookie session
 * + CSRF header), exactly as the researcher pages use the API.
 */
export class Researcher {
  private constructor(
    private readonly http: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async signIn(playwright: PlaywrightWorkerArgs['playwright']): Promise<Researcher> {
    const http = await playwright.request.newContext({ baseURL: webUrl() });
    const response = await http.post('/api/auth/login', { data: adminCredentials() });
    expect(response.status(), await response.text()).toBe(200);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new Researcher(http, csrfToken);
  }

  async dispose(): Promise<void> {
    await this.http.dispose();
  }

  /** Any API call as this researcher (for set-up the pages under test do not offer yet). */
  call<T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
    return this.send<T>(method, path, data);
  }

  private async send<T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
    const response = await this.http.fetch(`/api${path}`, {
      method,
      headers: { 'X-CSRF-Token': this.csrf },
      ...(data === undefined ? {} : { data }),
    });
    expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  /** A launched study from a template; `design` overrides parts of the template's design before launch. */
  async launchedStudy(templateId: TemplateId, design: Record<string, unknown> = {}): Promise<Study> {
    const created = await this.send<Study>('POST', '/studies', { title: `e2e ${templateId} ${Date.now()}`, templateId });
    if (Object.keys(design).length > 0) await this.send('PUT', `/studies/${created.id}`, { design: { ...created.design, ...design } });
    return this.send<Study>('POST', `/studies/${created.id}/launch`);
  }

  labSession(studyId: string): Promise<LabSession> {
    return this.send<LabSession>('POST', `/studies/${studyId}/sessions`);
  }

  session(studyId: string, sessionId: string): Promise<SessionDetail> {
    return this.send<SessionDetail>('GET', `/studies/${studyId}/sessions/${sessionId}`);
  }

  sessions(studyId: string): Promise<readonly { id: string; status: string }[]> {
    return this.send('GET', `/studies/${studyId}/sessions`);
  }

  startConversation(studyId: string, sessionId: string): Promise<SessionDetail> {
    return this.send<SessionDetail>('POST', `/studies/${studyId}/sessions/${sessionId}/start-conversation`);
  }

  endConversation(studyId: string, sessionId: string): Promise<SessionDetail> {
    return this.send<SessionDetail>('POST', `/studies/${studyId}/sessions/${sessionId}/end-conversation`);
  }

  abandon(studyId: string, sessionId: string, reason: string): Promise<SessionDetail> {
    return this.send<SessionDetail>('POST', `/studies/${studyId}/sessions/${sessionId}/abandon`, { reason });
  }

  async setStatus(studyId: string, move: 'pause' | 'close'): Promise<void> {
    await this.send('POST', `/studies/${studyId}/${move}`);
  }
}
