import { useState } from 'react';
import type { ImportPreview } from '../../../shared/model/importPreview.ts';

const SKIP = 'skip';

/**
 * Answers about one link that could not be placed on one (no link id in the name, no matching consumer
 * or name): for each, the server's links to choose from, or leaving the file out. Native selects, so the
 * choice is keyboard-operable and announced with its file.
 */
export function PlaceFiles({ preview, busy, onApply }: { preview: ImportPreview; busy: boolean; onApply(attach: Record<string, string>, skip: string[]): void }) {
  const [choice, setChoice] = useState<Record<string, string>>({});
  const chosen = preview.unattributed.filter((u) => choice[u.file]);

  function apply() {
    const attach = { ...preview.choices.attach };
    const skip = [...preview.choices.skip];
    for (const u of chosen) {
      if (choice[u.file] === SKIP) skip.push(u.file);
      else attach[u.file] = choice[u.file]!;
    }
    onApply(attach, skip);
  }

  return (
    <section className="import-place warning" aria-labelledby="import-place-title">
      <h3 id="import-place-title">{preview.unattributed.length} file{preview.unattributed.length === 1 ? '' : 's'} to place before importing</h3>
      <p>Each of these answers is about one link of its server, but does not say which. Choose the link, or leave the file out.</p>
      <ul className="import-place-list">
        {preview.unattributed.map((u, i) => (
          <li key={u.file}>
            <label htmlFor={`import-place-${i}`}>Link for <code>{u.file}</code></label>{' '}
            <select id={`import-place-${i}`} aria-describedby={`import-place-why-${i}`} value={choice[u.file] ?? ''} disabled={busy}
              onChange={(e) => setChoice({ ...choice, [u.file]: e.target.value })}>
              <option value="">Choose…</option>
              {u.candidates.map((c) => <option key={c.id} value={c.id}>{c.name ?? c.id}{c.url ? ` — ${c.url}` : ''}</option>)}
              <option value={SKIP}>Leave this file out</option>
            </select>
            <p id={`import-place-why-${i}`} className="muted">
              {u.endpoint} answer of server “{u.group}”: {u.reason}.{u.candidates.length === 0 ? ' Import it with its server\'s list of links to choose one.' : ''} A name like <code>{u.suggestedName}</code> places it by itself.
            </p>
          </li>
        ))}
      </ul>
      <button type="button" onClick={apply} disabled={busy || chosen.length === 0}>Use {chosen.length || ''} choice{chosen.length === 1 ? '' : 's'}</button>
    </section>
  );
}
