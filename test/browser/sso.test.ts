import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestIssuer, type TestIssuer } from '../helpers/oidc-issuer.js';
import { browserAvailable, expectAccessible, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

describe.skipIf(!browserAvailable)('single sign-on with OpenID Connect', () => {
  let h: BrowserHarness;
  let idp: TestIssuer;

  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://localhost:${port}`;
    idp = await startTestIssuer({
      redirectUri: `${publicUrl}/api/auth/oidc/callback`,
      claims: (login) => ({
        email: `${login}@idp.example`,
        email_verified: true,
        name: login === 'sam' ? 'Sam Sonnenschein' : 'Unbekannt',
        groups: login === 'sam' ? ['ki-redaktion'] : ['andere-gruppe'],
      }),
    });
    h = await startBrowserHarness({
      port,
      public_url: publicUrl,
      oidc: {
        issuer: idp.issuer,
        client_id: 'leitplanke',
        client_secret: 'leitplanke-test-secret',
        display_name: 'Partei-Login',
        role_mapping: { 'ki-redaktion': { org: 'root', role: 'staff' } },
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await idp?.close();
  });

  async function signInAtProvider(login: string) {
    await h.page.goto('/anmelden');
    await h.page.getByRole('link', { name: 'Anmelden mit Partei-Login' }).click();
    await h.page.locator('input[name=login]').fill(login);
    await h.page.locator('input[name=password]').fill('anything');
    await h.page.getByRole('button', { name: 'Sign-in' }).click();
    const consent = h.page.getByRole('button', { name: 'Continue' });
    if (await consent.isVisible({ timeout: 3000 }).catch(() => false)) await consent.click();
  }

  it('logs in through the identity provider with PKCE and maps groups to roles', async () => {
    await h.page.goto('/anmelden');
    await expectAccessible(h.page, 'login with SSO button');
    await signInAtProvider('sam');
    await h.page.getByRole('heading', { level: 1, name: 'Willkommen, Sam Sonnenschein' }).waitFor();
    const session = await h.page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.user.email).toBe('sam@idp.example');
    expect(session.orgs[0].roles).toEqual(['staff']);
  });

  it('refuses an account whose groups map to no organisation', async () => {
    await h.page.evaluate(async () => {
      const session = await (await fetch('/api/auth/session')).json();
      await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } });
    });
    await h.context.clearCookies();
    await signInAtProvider('fremd');
    await h.page.waitForURL(/\/anmelden\?fehler=oidc_unmapped/);
    expect(await h.page.getByRole('alert').first().textContent()).toContain('Single Sign-on ist fehlgeschlagen');
    await expectAccessible(h.page, 'login after failed SSO');
  });
});
