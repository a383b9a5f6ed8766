import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { API_GLOBAL, OPERATION_NAMES } from '../../shared/contract/operationNames.ts';
import { dispatchOperation } from '../../electron/ipc.ts';
import { demoEstateLinks } from '../../electron/app/demoEstate.ts';
import { createHandlers } from '../../electron/operations/handlers.ts';
import { AppLog } from '../../electron/app/log.ts';
import { LaunchFiles } from '../../electron/app/launchFiles.ts';
import { PreferencesStore } from '../../electron/app/preferences.ts';
import type { Link } from '../../shared/model/link.ts';
import { serveRendererFile } from '../../electron/app/rendererFiles.ts';
import { WorkspaceSession } from '../../electron/workspace/session.ts';
import type { WorkspaceStore } from '../../electron/workspace/store.ts';
import { launchChromium } from './chromium.ts';

/** Stands in for app://applink-advisor: an origin no network can answer, served from the built renderer. */
export const APP_ORIGIN = 'https://applink-advisor.invalid';
export const RENDERER_DIR = path.resolve('out/renderer');

export interface CspViolation {
  directive: string;
  blockedURI: string;
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  /** The workspace the app has open now (it changes when the user opens another folder). */
  readonly store: WorkspaceStore;
  workspace: WorkspaceSession;
  /** What the next open dialog (bundle file or workspace folder) answers; null cancels it. */
  nextOpenPath: string | null;
  /** What the next import dialog answers (several files); null cancels it. */
  nextImportPaths: string[] | null;
  /** What "Copy diagnostics" put on the (fake) clipboard, and the folders "Open log folder" asked for. */
  clipboard: string | null;
  openedFolders: string[];
  /** Files "double-clicked" for the app to open. */
  launchFiles: LaunchFiles;
  workspaceDir: string;
  exportDir: string;
  /** Requests the page tried to make outside the app's origin (each was aborted). */
  foreignRequests: string[];
  cspViolations: CspViolation[];
  pageErrors: string[];
  /** Opens (or reopens) the app's page, as a restart would. */
  open(pathname?: string): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  workspaceDir?: string;
  /** What a first launch seeds the workspace with; the demo estate by default, [] for an empty start. */
  seed?: () => Link[];
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Awaited before each operation is handled: a test holds one back to see the app while it waits. */
  beforeOperation?: (operation: string) => Promise<void>;
}

const BINDING = '__applinkAdvisorInvoke';
const CSP_BINDING = '__applinkAdvisorCspViolation';

/**
 * The renderer in real Chromium with the typed api bridged to the real handlers and services over a
 * temporary workspace: the same handler table and validation as Electron's main process, another transport.
 */
export async function startApp(browser: Browser, options: StartOptions = {}): Promise<AppSession> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` first.');
  const workspaceDir = options.workspaceDir ?? (await mkdtemp(path.join(tmpdir(), 'applink-advisor-e2e-')));
  const exportDir = path.join(workspaceDir, '..', `${path.basename(workspaceDir)}-exports`);
  await mkdir(exportDir, { recursive: true });
  // Stands in for a double-click on a file: tests offer files here, as main.ts does from argv.
  const launchFiles = new LaunchFiles();
  // The same session and lock the main process uses: a workspace held elsewhere opens read-only.
  const workspace = new WorkspaceSession(workspaceDir, path.join(exportDir, 'recent-workspaces.json'), 'Applink Advisor (test harness)', path.join(exportDir, 'open-cache'));
  await workspace.switchTo(workspaceDir);
  // Stand in for the dialogs: the save dialog accepts the suggested name in a folder beside the
  // workspace; the open dialog answers what the test set in nextOpenPath.
  const handlers = createHandlers({
    workspace, preferences: new PreferencesStore(path.join(exportDir, 'preferences.json')), appVersion: 'test', seedLinks: options.seed ?? demoEstateLinks,
    chooseSavePath: async (suggestedName) => path.join(exportDir, suggestedName),
    chooseOpenPath: async () => {
      const answer = session.nextOpenPath;
      session.nextOpenPath = null;
      return answer;
    },
    // Stands in for the app's hidden print window: the same HTML printed by the same engine (Chromium).
    printPdf: async (html) => {
      const printer = await context.newPage();
      try {
        await printer.setContent(html);
        return await printer.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await printer.close();
      }
    },
    log: new AppLog(path.join(exportDir, 'logs')),
    launchFiles,
    diagnostics: {
      runtime: { platform: process.platform, harness: 'chromium' },
      copy: async (text) => {
        session.clipboard = text;
      },
      openFolder: async (folder) => {
        session.openedFolders.push(folder);
        return true;
      },
    },
    chooseImportFiles: async () => {
      const answer = session.nextImportPaths;
      session.nextImportPaths = null;
      return answer;
    },
  });
  const inFlight = new Set<Promise<unknown>>();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 }, colorScheme: options.colorScheme ?? 'light' });
  const session: AppSession = {
    page: await context.newPage(), context, workspace, workspaceDir, exportDir, nextOpenPath: null, nextImportPaths: null, clipboard: null, openedFolders: [], launchFiles,
    get store() {
      return workspace.store;
    },
    foreignRequests: [], cspViolations: [], pageErrors: [],
    async open(pathname = '/index.html') {
      await session.page.goto(`${APP_ORIGIN}${pathname}`);
    },
    async close() {
      await context.close();
      // Operations the page started may still be running in this process: let them finish first.
      await Promise.allSettled([...inFlight]);
      await workspace.close();
      if (!options.workspaceDir) await rm(workspaceDir, { recursive: true, force: true });
      await rm(exportDir, { recursive: true, force: true });
    },
  };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${APP_ORIGIN}/`)) {
      session.foreignRequests.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    const response = await serveRendererFile(RENDERER_DIR, new URL(url).pathname);
    await route.fulfill({ status: response.status, headers: response.headers, body: Buffer.from(response.body) });
  });
  await context.exposeBinding(BINDING, async (source, operation: string, args: unknown) => {
    // The same rule as the main process: only the app's own top frame may call.
    if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(`${APP_ORIGIN}/`)) {
      return JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Refused: not the application window.' } });
    }
    await options.beforeOperation?.(operation);
    const call = dispatchOperation(handlers, operation, args);
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
    // Sent as one JSON string: Playwright's per-value serialisation of large objects is far slower than
    // Electron's structured clone, and would make the harness, not the app, the bottleneck of a benchmark.
    return JSON.stringify(await call);
  });
  await context.exposeBinding(CSP_BINDING, (_source, violation: CspViolation) => {
    session.cspViolations.push(violation);
  });
  await context.addInitScript(
    ({ names, global, binding, cspBinding }) => {
      const invoke = (window as unknown as Record<string, (op: string, args: unknown) => Promise<string>>)[binding]!;
      const api = Object.freeze(Object.fromEntries(names.map((name) => [name, async (args: unknown) => JSON.parse(await invoke(name, args)) as unknown])));
      Object.defineProperty(window, global, { value: api, writable: false, configurable: false });
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as Record<string, (v: unknown) => void>)[cspBinding]!;
        report({ directive: event.effectiveDirective, blockedURI: event.blockedURI });
      });
    },
    { names: [...OPERATION_NAMES], global: API_GLOBAL, binding: BINDING, cspBinding: CSP_BINDING },
  );
  session.page.on('pageerror', (error) => session.pageErrors.push(error.message));
  return session;
}

export { launchChromium };
