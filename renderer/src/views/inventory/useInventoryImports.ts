import { useEffect, useState } from 'react';
import type { BundlePreview } from '../../../../shared/model/bundle.ts';
import type { ImportPreview } from '../../../../shared/model/importPreview.ts';
import { call } from '../../api.ts';
import { useWorkspace } from '../../state/workspace.ts';
import { messageOf } from '../../../../shared/model/messageOf.ts';

export type ReadImport = () => Promise<{ token: string | null; preview: ImportPreview | null }>;

/**
 * What the inventory is bringing in: a bundle or import preview waiting for a decision, the status line,
 * and the files the system asked us to open.
 */
export function useInventoryImports() {
  const flushSaves = useWorkspace((s) => s.flushSaves);
  const [bundleMessage, setBundleMessage] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ token: string; preview: BundlePreview } | null>(null);
  const [importing, setImporting] = useState<{ token: string; preview: ImportPreview } | null>(null);

  // A file the system asked us to open (a double-click on a .bundle or .applinks.json): checked when
  // the inventory shows and whenever the window comes back to the front.
  useEffect(() => {
    let live = true;
    const check = () => {
      void call('launch.pending', {}).then((pending) => {
        if (!live || pending.kind === 'none') return;
        if (pending.kind === 'bundle') setOpened({ token: pending.token, preview: pending.preview });
        else setImporting({ token: pending.token, preview: pending.preview });
      }, (failure: unknown) => live && setBundleMessage(`The file could not be opened: ${messageOf(failure)}`));
    };
    check();
    window.addEventListener('focus', check);
    return () => {
      live = false;
      window.removeEventListener('focus', check);
    };
  }, []);

  async function importBundle() {
    setBundleMessage('Waiting for the file dialog…');
    try {
      await flushSaves();
      const { token, preview } = await call('bundles.open', {});
      setBundleMessage(token && preview ? null : 'No bundle chosen.');
      if (token && preview) setOpened({ token, preview });
    } catch (failure) {
      setBundleMessage(`Not imported: ${messageOf(failure)}`);
    }
  }

  async function runImport(read: ReadImport, what: string) {
    setBundleMessage(what);
    try {
      await flushSaves();
      const { token, preview } = await read();
      setBundleMessage(token && preview ? null : 'No files chosen.');
      if (token && preview) setImporting({ token, preview });
    } catch (failure) {
      setBundleMessage(`Not imported: ${messageOf(failure)}`);
    }
  }

  return {
    bundleMessage, setBundleMessage, importBundle, runImport,
    opened, closeBundle: (message: string | null) => { setOpened(null); setBundleMessage(message); },
    importing, closeImport: (message: string | null) => { setImporting(null); setBundleMessage(message); },
  };
}
