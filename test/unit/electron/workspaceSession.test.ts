import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/operations/handlers.ts';
import { testDependencies } from '../../fixtures/handlerDependencies.ts';
import { LOCK_FILE } from '../../../electron/workspace/lock.ts';
import { WorkspaceSession } from '../../../electron/workspace/session.ts';
import { makeLink } from '../../fixtures/links.ts';

let dir: string;
let session: WorkspaceSession;
let nextFolder: string | null;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-session-'));
  session = new WorkspaceSession(path.join(dir, 'default'), path.join(dir, 'user-data', 'recent-workspaces.json'), 'test');
  await session.switchTo(session.defaultDir);
  nextFolder = null;
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

const handlers = () => createHandlers(testDependencies(path.join(dir, 'user-data'), session, {
  seedLinks: () => [makeLink({ id: 'demo', name: 'Demo link' })], chooseOpenPath: async () => nextFolder,
}));

describe('choosing the workspace folder', () => {
  it('opens a chosen folder without the demo estate, moves the lock with it and remembers it first', async () => {
    const usb = path.join(dir, 'usb', 'estate');
    await mkdir(usb, { recursive: true });
    const api = handlers();
    expect((await api['workspace.open']({})).documents.map((d) => d.link.id)).toEqual(['demo']);
    nextFolder = usb;
    expect(await api['workspace.chooseFolder']({})).toEqual({ switched: true });
    const opened = await api['workspace.open']({});
    expect(opened).toMatchObject({ workspacePath: usb, isDefault: false, isDemo: false, documents: [], recent: [usb, session.defaultDir] });
    expect(existsSync(path.join(usb, LOCK_FILE))).toBe(true);
    expect(existsSync(path.join(session.defaultDir, LOCK_FILE))).toBe(false);
    expect(await session.startFolder()).toBe(usb);
  });

  it('switches back to a recent folder by path but refuses a path it was never given', async () => {
    const other = path.join(dir, 'other');
    await mkdir(other);
    const api = handlers();
    nextFolder = other;
    await api['workspace.chooseFolder']({});
    await api['workspace.switch']({ path: session.defaultDir });
    expect(session.store.root).toBe(session.defaultDir);
    await expect(api['workspace.switch']({ path: '/etc' })).rejects.toThrow(/not a workspace opened before/);
    expect(session.store.root).toBe(session.defaultDir);
  });

  it('says so when a remembered folder is gone (media unplugged) and stays where it was', async () => {
    const usb = path.join(dir, 'usb');
    await mkdir(usb);
    const api = handlers();
    nextFolder = usb;
    await api['workspace.chooseFolder']({});
    await api['workspace.switch']({ path: session.defaultDir });
    await rm(usb, { recursive: true });
    await expect(api['workspace.switch']({ path: usb })).rejects.toThrow(/is not there \(removable media unplugged\?\)/);
    expect(session.store.root).toBe(session.defaultDir);
    expect(await session.startFolder()).toBe(session.defaultDir);
  });

  it('a cancelled folder dialog changes nothing', async () => {
    expect(await handlers()['workspace.chooseFolder']({})).toEqual({ switched: false });
    expect(session.store.root).toBe(session.defaultDir);
  });
});
