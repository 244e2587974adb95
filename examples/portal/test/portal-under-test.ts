// Test support: the portal on a fresh embedded SQLite store (the default store's kind, durable
// lists and files), listening on a free port, and a browser whose pages the journeys share.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { chromiumUnavailableReason, launchChromium } from '../../../test/support/chromium';
import type { Portal } from '../src/portal';
import { buildPortal } from '../src/portal';
import { openPortalStores } from '../src/stores';

/** Why the browser tests cannot run here (none in CI: a missing Chromium fails there). */
export const unavailable = chromiumUnavailableReason();

/** Where screenshots go for a person to look at (gitignored). */
export const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/portal');

/** A running portal and the browser driving it. */
export interface PortalUnderTest {
  readonly url: string;
  readonly portal: Portal;
  readonly browser: Browser;
  /** A signed-in page per fixture user (one context each: separate cookies), reused. */
  as(userId: string): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the portal on a new SQLite file and Chromium. */
export async function startPortalUnderTest(): Promise<PortalUnderTest> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartes-badges-portal-'));
  const stores = await openPortalStores(`sqlite:${path.join(dir, 'events.db')}`);
  const portal = await buildPortal(stores);
  await portal.app.listen({ port: 0, host: '127.0.0.1' });
  const address = portal.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('portal: no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  const browser = await launchChromium(chromium);
  const contexts = new Map<string, { context: BrowserContext; page: Page }>();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    portal,
    browser,
    async as(userId) {
      const known = contexts.get(userId);
      if (known) return known.page;
      const context = await browser.newContext({
        baseURL: url,
        locale: 'fr-FR',
        viewport: { width: 1200, height: 900 },
      });
      const page = await context.newPage();
      await page.goto('/connexion');
      await page.check(`input[value="${userId}"]`);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      contexts.set(userId, { context, page });
      return page;
    },
    async close() {
      await browser.close();
      await portal.app.close();
      await stores.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot of the current screen as test-artifacts/portal/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The browser globals used inside the page (the project compiles without the DOM library). */
export interface InPage {
  readonly document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> };
}
