import type { Handlers } from '../../shared/contract/api.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import { readImportFiles } from '../features/import/importService.ts';
import { bundleOperations, bundleRegistry, openBundleFile } from './bundles.ts';
import { operationContext, type HandlerDependencies } from './context.ts';
import { diagnosticsOperations } from './diagnostics.ts';
import { importOperations, importRegistry, openImport } from './imports.ts';
import { linkOperations } from './links.ts';
import { reportOperations } from './reports.ts';
import { workspaceOperations } from './workspace.ts';

export type { ChooseImportFiles, ChooseOpenPath, ChooseSavePath, HandlerDependencies } from './context.ts';

/** The operation table behind the typed api, used by the Electron main process and by the test harness alike. */
export function createHandlers(dependencies: HandlerDependencies): Handlers {
  const { log } = dependencies;
  const table = operations(dependencies);
  // Every operation is logged by name, outcome and duration only: never its arguments or messages.
  return Object.fromEntries(Object.entries(table).map(([operation, handler]) => [operation, async (args: never) => {
    const start = performance.now();
    try {
      const result = await (handler as (a: never) => Promise<unknown>)(args);
      log.write({ event: 'operation', operation, ms: Math.round(performance.now() - start) });
      return result;
    } catch (error) {
      log.write({ event: 'operation-failed', operation, code: error instanceof OperationError ? error.code : 'internal', ms: Math.round(performance.now() - start) });
      throw error;
    }
  }])) as unknown as Handlers;
}

/** Each area's operations; a missing or misspelt operation is a type error against the contract. */
function operations(dependencies: HandlerDependencies): Handlers {
  const context = operationContext(dependencies);
  const bundles = bundleRegistry();
  const imports = importRegistry();
  return {
    ...workspaceOperations(context),
    ...linkOperations(context),
    ...bundleOperations(context, bundles),
    ...importOperations(context, imports),
    ...reportOperations(context),
    ...diagnosticsOperations(context),
    'launch.pending': async () => {
      const file = context.launchFiles.take();
      if (!file) return { kind: 'none' as const };
      if (/\.bundle$/i.test(file)) return { kind: 'bundle' as const, ...(await openBundleFile(context, bundles, file)) };
      return { kind: 'import' as const, ...(await openImport(context, imports, await readImportFiles([file]))) };
    },
  };
}
