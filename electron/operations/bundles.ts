import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/contract/api.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import { BUNDLE_FILE_NAME } from '../../shared/model/bundle.ts';
import { exportBundle, mergeBundle, openBundle, previewBundle, type OpenedBundle } from '../features/bundles.ts';
import type { OperationContext } from './context.ts';
import { PreviewRegistry } from './previewRegistry.ts';

/** Bundles larger than this are refused before they are read. */
const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

type BundleOperations = Pick<Handlers, 'bundles.export' | 'bundles.open' | 'bundles.merge' | 'bundles.discard'>;

export function bundleRegistry(): PreviewRegistry<OpenedBundle> {
  return new PreviewRegistry<OpenedBundle>('That bundle is no longer open; open it again.');
}

/** Opens a bundle file for a preview (from the dialog or a launch file). */
export async function openBundleFile({ store }: OperationContext, open: PreviewRegistry<OpenedBundle>, file: string) {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new OperationError('not-found', `${file} cannot be read (${error.code ?? error.message}).`);
  });
  if (Buffer.byteLength(text) > MAX_BUNDLE_BYTES) throw new OperationError('invalid-argument', `${file} is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB; not a bundle this app wrote.`);
  const opened = openBundle(text, path.basename(file));
  const token = open.open(opened);
  return { token, preview: await previewBundle(store(), opened) };
}

export function bundleOperations(context: OperationContext, open: PreviewRegistry<OpenedBundle>): BundleOperations {
  const { appVersion, chooseOpenPath, store, writable, save } = context;
  return {
    'bundles.export': async ({ ids }) => {
      const { text, count } = await exportBundle(store(), ids ?? null, `Applink Advisor ${appVersion}`);
      const target = await save(BUNDLE_FILE_NAME, 'bundle', text);
      return target ? { saved: true, path: target, count } : { saved: false, count };
    },
    'bundles.open': async () => {
      const file = await chooseOpenPath('bundle');
      return file ? openBundleFile(context, open, file) : { token: null, preview: null };
    },
    'bundles.merge': async ({ token, resolutions }) => {
      const result = await mergeBundle(writable(), open.get(token), resolutions);
      open.discard(token);
      return result;
    },
    'bundles.discard': async ({ token }) => {
      open.discard(token);
      return {};
    },
  };
}
