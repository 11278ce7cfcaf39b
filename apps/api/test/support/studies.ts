import request from 'supertest';
import type { TestApp } from './app';
import { cookieHeader, createAccount, type LoggedIn, login } from './auth';

export interface Owner {
  readonly session: LoggedIn;
  /** supertest request pre-authenticated as this owner (cookie + CSRF header). */
  call(method: 'get' | 'post' | 'put' | 'delete', path: string): request.Test;
}

export async function ownerOf(app: TestApp): Promise<Owner> {
  const session = await login(app, await createAccount(app));
  return {
    session,
    call: (method, path) =>
      request(app.http)[method](path).set('Cookie', cookieHeader(session.cookies)).set('X-CSRF-Token', session.csrfToken),
  };
}

/** A study created through the API from a template, optionally launched. */
export async function createStudy(owner: Owner, options: { templateId?: string; launch?: boolean } = {}): Promise<string> {
  const created = await owner
    .call('post', '/api/studies')
    .send({ title: 'Test study', templateId: options.templateId ?? 'phone_seating' })
    .expect(201);
  const id = (created.body as { id: string }).id;
  if (options.launch) await owner.call('post', `/api/studies/${id}/launch`).expect(200);
  return id;
}
