import { type ApiClient, launchedStudy, type TemplateId } from '@attune/api-client';
import request from 'supertest';
import type { TestApp } from './app';
import { cookieHeader, createAccount, type LoggedIn, login } from './auth';
import { clientFor } from './http-client';

export interface Owner {
  readonly session: LoggedIn;
  /** supertest request pre-authenticated as this owner (cookie + CSRF header). */
  call(method: 'get' | 'post' | 'put' | 'delete', path: string): request.Test;
  /** The typed client, on the same login: for set-up through the shared builders of @attune/api-client. */
  readonly client: ApiClient;
}

export async function ownerOf(app: TestApp): Promise<Owner> {
  return ownerFor(app, await login(app, await createAccount(app)));
}

/** An owner on a session already logged in (e.g. a second browser of another account). */
export async function ownerFor(app: TestApp, session: LoggedIn): Promise<Owner> {
  return {
    session,
    client: await clientFor(app, session),
    call: (method, path) =>
      request(app.http)[method](path).set('Cookie', cookieHeader(session.cookies)).set('X-CSRF-Token', session.csrfToken),
  };
}

/** A study created through the API from a template, optionally launched. */
export async function createStudy(owner: Owner, options: { templateId?: TemplateId; launch?: boolean } = {}): Promise<string> {
  const templateId = options.templateId ?? 'phone_seating';
  return (await launchedStudy(owner.client, { title: 'Test study', templateId, launch: options.launch ?? false })).id;
}
