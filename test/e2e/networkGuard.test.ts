import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, launchChromium, startApp } from '../harness/appHarness.ts';

// Proves the zero-network guard itself: a page that fetches the internet must be caught.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('zero-network guard', () => {
  it('records a request to https://example.com as a foreign request (the journeys assert there are none)', async () => {
    const app = await startApp(browser);
    // A page served without the CSP header: the harness must catch the attempt even when CSP would not.
    await app.page.route(`${APP_ORIGIN}/leak.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>leak</title><img src="https://example.com/pixel.png">' }));
    await app.open('/leak.html');
    await expect.poll(() => app.foreignRequests.length).toBeGreaterThan(0);
    expect(app.foreignRequests).toContain('https://example.com/pixel.png');
    await app.close();
  });

  it('the CSP itself blocks a script fetch to another origin, and the harness reports the violation', async () => {
    const app = await startApp(browser);
    await app.open();
    await app.page.evaluate(() => fetch('https://example.com/').catch(() => undefined));
    await expect.poll(() => app.cspViolations.length).toBeGreaterThan(0);
    expect(app.cspViolations[0]).toMatchObject({ directive: 'connect-src', blockedURI: 'https://example.com/' });
    expect(APP_ORIGIN).not.toContain('example.com');
    await app.close();
  });
});
