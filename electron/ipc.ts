import { CONTRACT, type ApiFailure, type Envelope, type Handlers } from '../shared/contract/api.ts';
import { OperationError } from '../shared/contract/operationError.ts';
import { channelOf, OPERATION_NAMES, type OperationName } from '../shared/contract/operationNames.ts';
import { problemsFrom } from '../shared/model/validationMessages.ts';
import { describeFileError } from './app/fileErrors.ts';
import { messageOf } from '../shared/model/messageOf.ts';

/** The part of Electron's `ipcMain` this module needs; tests pass a fake. No `electron` import here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}
export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

// Exports (a PNG, a report) are the largest arguments; anything beyond is refused before parsing.
const MAX_ARGUMENT_BYTES = 25_000_000;

function failure(code: ApiFailure['code'], message: string, problems?: ApiFailure['problems']): Envelope<never> {
  return { ok: false, error: { code, message, ...(problems ? { problems } : {}) } };
}

/**
 * Validates the arguments of one operation, runs its handler and validates the result.
 * Shared by the Electron main process and the browser test harness, so both see the same rules.
 */
export async function dispatchOperation(handlers: Handlers, operation: string, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!(OPERATION_NAMES as readonly string[]).includes(operation)) return failure('unknown-operation', `Unknown operation "${operation}".`);
  const name = operation as OperationName;
  let size: number;
  try {
    size = JSON.stringify(rawArgs ?? null).length;
  } catch {
    return failure('invalid-argument', `Arguments of ${name} are not plain data.`);
  }
  if (size > MAX_ARGUMENT_BYTES) return failure('invalid-argument', `Arguments of ${name} are too large (${size} bytes).`);
  const parsed = CONTRACT[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return failure('invalid-argument', `Invalid arguments for ${name}.`, problemsFrom(parsed.error));
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    const checked = CONTRACT[name].result.safeParse(value);
    if (!checked.success) return failure('internal', `The result of ${name} did not match the contract.`, problemsFrom(checked.error));
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof OperationError) return failure(error.code, error.message, error.problems);
    return failure('internal', describeFileError(error) ?? messageOf(error));
  }
}

/** Registers one IPC handler per contract operation; messages from any other frame are refused. */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, isTrustedSender: (event: IpcEventLike) => boolean): void {
  for (const operation of OPERATION_NAMES) {
    ipcMain.handle(channelOf(operation), async (event, ...args) => {
      if (!isTrustedSender(event)) return failure('forbidden', 'Refused: the message did not come from the application window.');
      if (args.length > 1) return failure('invalid-argument', `${operation} takes one argument object.`);
      return dispatchOperation(handlers, operation, args[0]);
    });
  }
}
