import { test as base } from '@playwright/test';
import { Researcher } from './researcher';

/**
 * One researcher sign-in per worker: the API allows 10 logins a minute per address, and every
 * participant journey needs a researcher to create its study and session.
 */
export const test = base.extend<object, { researcher: Researcher }>({
  researcher: [
    async ({}, use) => {
      await use(await Researcher.signIn());
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
