import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, channelOf, OPERATION_NAMES } from '../shared/contract/operationNames.ts';

// One function per contract operation, and nothing else: ipcRenderer itself never reaches the page.
const api = Object.freeze(
  Object.fromEntries(OPERATION_NAMES.map((operation) => [operation, (args: unknown) => ipcRenderer.invoke(channelOf(operation), args)])),
);

contextBridge.exposeInMainWorld(API_GLOBAL, api);
