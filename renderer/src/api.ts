import type { ApiFailure, ArgsOf, BridgeApi, Envelope, ResultOf } from '../../shared/contract/api.ts';
import { API_GLOBAL, type OperationName } from '../../shared/contract/operationNames.ts';

/** A failed operation, with the main process's message and any located problems. */
export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
    this.name = 'ApiError';
  }
}

function bridge(): BridgeApi | null {
  return ((window as unknown as Record<string, unknown>)[API_GLOBAL] as BridgeApi | undefined) ?? null;
}

/** True when the page runs inside Applink Advisor (Electron or the test harness). */
export const hasBridge = (): boolean => bridge() !== null;

/** Calls one operation of the typed api; throws ApiError when it fails. */
export async function call<K extends OperationName>(operation: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  const api = bridge();
  if (!api) throw new ApiError({ code: 'internal', message: 'Applink Advisor must be opened as the desktop application.' });
  const invoke = api[operation] as unknown as (args: ArgsOf<K>) => Promise<Envelope<ResultOf<K>>>;
  const envelope = await invoke(args);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as ResultOf<K>;
}
