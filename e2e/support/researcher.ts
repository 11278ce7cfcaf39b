import {
  type ApiClient,
  endConversation,
  labSession,
  type LabSession,
  launchedStudy,
  must,
  type SessionDetail,
  signIn,
  startConversation,
  type Study,
  type StudyDesign,
  type TemplateId,
} from '@attune/api-client';

export type { LabSession, SessionDetail, Study, StudyDesign, TemplateId };

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

function overriding(design: Partial<StudyDesign>): ((template: StudyDesign) => StudyDesign) | undefined {
  return Object.keys(design).length > 0 ? (template) => ({ ...template, ...design }) : undefined;
}

/**
 * The researcher side of a journey, through the dashboard's own /api pass-through (cookie session
 * + CSRF header), exactly as the researcher pages use the API. `api` is the typed client, for
 * set-up the pages under test do not offer yet; the methods are the builders journeys share.
 */
export class Researcher {
  private constructor(readonly api: ApiClient) {}

  static async signIn(): Promise<Researcher> {
    const { client } = await signIn(webUrl(), adminCredentials());
    return new Researcher(client);
  }

  /**
   * A launched study from a template; `design` overrides parts of the template's design before
   * launch, or edits it (a shared design such as @attune/api-client's bilingual).
   */
  launchedStudy(templateId: TemplateId, design: Partial<StudyDesign> | ((template: StudyDesign) => StudyDesign) = {}): Promise<Study> {
    const edit = typeof design === 'function' ? design : overriding(design);
    return launchedStudy(this.api, { templateId, title: `e2e ${templateId} ${Date.now()}`, ...(edit ? { edit } : {}) });
  }

  /** A draft study from a template, not launched (for journeys through the builder). */
  draftStudy(templateId: TemplateId, title: string): Promise<Study> {
    return launchedStudy(this.api, { templateId, title, launch: false });
  }

  study(studyId: string): Promise<Study> {
    return must(this.api.GET('/api/studies/{studyId}', { params: { path: { studyId } } }), 'study');
  }

  editDesign(studyId: string, design: StudyDesign): Promise<Study> {
    return must(this.api.PUT('/api/studies/{studyId}', { params: { path: { studyId } }, body: { design } }), 'edit design');
  }

  launch(studyId: string): Promise<Study> {
    return must(this.api.POST('/api/studies/{studyId}/launch', { params: { path: { studyId } } }), 'launch');
  }

  labSession(studyId: string): Promise<LabSession> {
    return labSession(this.api, studyId);
  }

  session(studyId: string, sessionId: string): Promise<SessionDetail> {
    return must(this.api.GET('/api/studies/{studyId}/sessions/{sessionId}', { params: { path: { studyId, sessionId } } }), 'session');
  }

  sessions(studyId: string) {
    return must(this.api.GET('/api/studies/{studyId}/sessions', { params: { path: { studyId } } }), 'sessions');
  }

  startConversation(studyId: string, sessionId: string): Promise<SessionDetail> {
    return startConversation(this.api, studyId, sessionId);
  }

  endConversation(studyId: string, sessionId: string): Promise<SessionDetail> {
    return endConversation(this.api, studyId, sessionId);
  }

  abandon(studyId: string, sessionId: string, reason: string): Promise<SessionDetail> {
    const params = { path: { studyId, sessionId } };
    return must(this.api.POST('/api/studies/{studyId}/sessions/{sessionId}/abandon', { params, body: { reason } }), 'abandon');
  }

  async setStatus(studyId: string, move: 'pause' | 'close'): Promise<void> {
    const params = { path: { studyId } };
    if (move === 'pause') await must(this.api.POST('/api/studies/{studyId}/pause', { params }), 'pause');
    else await must(this.api.POST('/api/studies/{studyId}/close', { params }), 'close');
  }
}
