import { useEffect } from 'react';
import { useUi } from '../state/ui.ts';
import { useWorkspace } from '../state/workspace.ts';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The app-wide keyboard shortcuts listed in the shortcut sheet. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const ui = useUi.getState();
      const workspace = useWorkspace.getState();
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) workspace.redo();
        else workspace.undo();
        return;
      }
      if (mod && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        workspace.redo();
        return;
      }
      if (mod && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void workspace.flushSaves();
        return;
      }
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'Escape' && ui.route.view !== 'inventory') {
        event.preventDefault();
        ui.navigate({ view: 'inventory' });
        return;
      }
      if (typing(event.target) || mod || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        ui.setShortcutsOpen(true);
      } else if (event.key === '/') {
        event.preventDefault();
        if (ui.route.view !== 'inventory') ui.navigate({ view: 'inventory' });
        requestAnimationFrame(() => document.getElementById('inventory-search')?.focus());
      } else if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        if (ui.route.view !== 'inventory') ui.navigate({ view: 'inventory' });
        requestAnimationFrame(() => document.getElementById('new-link-name')?.focus());
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
