import { useModalDialog } from '../lib/useModalDialog.ts';
import { useUi } from '../state/ui.ts';

export const SHORTCUTS: Array<[string, string]> = [
  ['?', 'Show this list of shortcuts'],
  ['/', 'Search the inventory'],
  ['N', 'Add a new link'],
  ['↑ ↓ Home End PgUp PgDn', 'Move between links in the inventory'],
  ['Enter', 'Open the focused link'],
  ['Space', 'Select or unselect the focused link'],
  ['Esc', 'Back to the inventory (or close a dialog)'],
  ['Ctrl+Z', 'Undo the last edit'],
  ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
  ['Ctrl+S', 'Save now'],
];

/** The keyboard shortcut sheet, opened with "?". */
export function ShortcutSheet() {
  const open = useUi((s) => s.shortcutsOpen);
  const setOpen = useUi((s) => s.setShortcutsOpen);
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <thead><tr><th scope="col">Keys</th><th scope="col">Action</th></tr></thead>
        <tbody>{SHORTCUTS.map(([keys, action]) => <tr key={keys}><td><kbd>{keys}</kbd></td><td>{action}</td></tr>)}</tbody>
      </table>
      <div className="dialog-actions"><button type="button" onClick={() => setOpen(false)} autoFocus>Close</button></div>
    </dialog>
  );
}
