import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, startApp, type AppSession, type StartOptions } from './appHarness.ts';

/**
 * Registers the hooks every end-to-end file needs: one Chromium per file, and after each test the
 * product promises — no request outside the app origin, no CSP violation, no uncaught page error.
 */
export function e2eSuite(): { start(options?: StartOptions): Promise<AppSession> } {
  let browser: Browser | undefined;
  let current: AppSession | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  async function finish(): Promise<void> {
    const app = current;
    current = undefined;
    if (!app) return;
    try {
      expect(app.foreignRequests, 'requests outside the app origin').toEqual([]);
      expect(app.cspViolations, 'CSP violations').toEqual([]);
      expect(app.pageErrors, 'uncaught page errors').toEqual([]);
    } finally {
      await app.close();
    }
  }
  afterEach(finish);
  return {
    async start(options) {
      if (!browser) throw new Error('e2eSuite: the browser is not running (call start inside a test).');
      await finish();
      current = await startApp(browser, options);
      return current;
    },
  };
}
