import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOperation, registerIpc, type IpcEventLike } from '../../../electron/ipc.ts';
import { isTrustedSender } from '../../../electron/security.ts';
import { createHandlers } from '../../../electron/operations/handlers.ts';
import { testDependencies } from '../../fixtures/handlerDependencies.ts';
import { WorkspaceSession } from '../../../electron/workspace/session.ts';
import type { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { channelOf, OPERATION_NAMES } from '../../../shared/contract/operationNames.ts';
import { makeLink } from '../../fixtures/links.ts';

let dir: string;
let store: WorkspaceStore;
let session: WorkspaceSession;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-ipc-'));
  session = new WorkspaceSession(path.join(dir, 'workspace'), path.join(dir, 'prefs', 'recent.json'), 'test');
  await session.switchTo(session.defaultDir);
  store = session.store;
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

const handlersFor = (_s: WorkspaceStore) => createHandlers(testDependencies(dir, session));

const appFrame: IpcEventLike = { senderFrame: { url: 'app://applink-advisor/index.html', parent: null } };

function fakeIpcMain() {
  const channels = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  return { channels, handle: (channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>) => void channels.set(channel, listener) };
}

describe('IPC registry', () => {
  it('registers exactly one channel per contract operation', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, handlersFor(store), isTrustedSender);
    expect([...ipc.channels.keys()].sort()).toEqual(OPERATION_NAMES.map(channelOf).sort());
  });

  it('answers the app top frame and refuses subframes and foreign origins', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, handlersFor(store), isTrustedSender);
    const create = ipc.channels.get(channelOf('links.create'))!;
    await expect(create(appFrame, { name: 'ok' })).resolves.toMatchObject({ ok: true, value: { link: { name: 'ok' } } });
    const subframe = { senderFrame: { url: 'app://applink-advisor/index.html', parent: {} } };
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    for (const event of [subframe, foreign, { senderFrame: null }]) {
      await expect(create(event, { name: 'evil' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await store.list()).documents.map((d) => d.link.name)).toEqual(['ok']);
  });

  it('rejects an unknown operation', async () => {
    await expect(dispatchOperation(handlersFor(store), 'fs.readFile', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
  });

  // Table-driven over the whole contract: every operation refuses malformed arguments and writes nothing.
  const malformed: Array<[string, unknown]> = [
    ['a number', 42],
    ['a string', 'x'],
    ['an array', []],
    ['an unexpected field', { unexpected: true }],
    ['a prototype-pollution key', JSON.parse('{"__proto__": {"polluted": true}, "name": "x", "id": "x", "link": 1}')],
    ['a huge string', { name: 'x'.repeat(13_000_000), id: 'x'.repeat(13_000_000) }],
  ];
  for (const operation of OPERATION_NAMES) {
    for (const [label, args] of malformed) {
      it(`${operation} rejects ${label} with a validation error and no side effect`, async () => {
        const before = await readdir(dir, { recursive: true });
        const result = await dispatchOperation(handlersFor(store), operation, args);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        await expect(readdir(dir, { recursive: true })).resolves.toEqual(before);
      });
    }
  }

  it('refuses arguments over the size limit before parsing them, even when they are otherwise valid', async () => {
    // A valid import preview request whose one file is just over the limit: without the size check it
    // would be parsed (and the file read as an export).
    const big = { files: [{ name: 'jira.manifest.json', text: `{"typeId":"jira","url":"https://j.example.com","pad":"${'x'.repeat(25_000_100)}"}` }] };
    const result = await dispatchOperation(handlersFor(store), 'import.fromContents', big);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/too large/) } });
  });

  it('validates a saved link and reports the path of each problem', async () => {
    const link = { ...makeLink(), local: { product: 'sharepoint' } };
    const result = await dispatchOperation(handlersFor(store), 'links.save', { link });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', problems: [{ path: 'link.local.product', message: expect.stringMatching(/^expected one of jira, jsm/) }] } });
  });
});
