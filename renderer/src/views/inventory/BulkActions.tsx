import { useState } from 'react';
import { ANSWER_KEYS, type AnswerKey } from '../../../../shared/model/vocabulary.ts';
import { ANSWER_QUESTIONS } from '../../../../shared/present/labels.ts';
import { call } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useUi } from '../../state/ui.ts';
import { useWorkspace } from '../../state/workspace.ts';
import { exportBundle } from './exportBundle.ts';
import { messageOf } from '../../../../shared/model/messageOf.ts';

/** The bar shown while links are selected: set an answer, export, bundle or delete them all at once. */
export function BulkActions({ visibleIds }: { visibleIds: string[] }) {
  const selection = useUi((s) => s.selection);
  const setSelection = useUi((s) => s.setSelection);
  const documents = useWorkspace((s) => s.documents);
  const updateLinks = useWorkspace((s) => s.updateLinks);
  const deleteLinks = useWorkspace((s) => s.deleteLinks);
  const [question, setQuestion] = useState<AnswerKey>('sharedUserBase');
  const [value, setValue] = useState<'true' | 'false' | 'null'>('true');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const selected = documents.filter((d) => selection.has(d.link.id));
  if (selected.length === 0) return <p className="visually-hidden" role="status">{message ?? ''}</p>;

  async function applyAnswer() {
    const answer = value === 'null' ? null : value === 'true';
    await updateLinks(selected.map((d) => ({ ...d.link, answers: { ...d.link.answers, [question]: answer } })), 'Set answer');
    setMessage(`Answer set on ${selected.length} links.`);
  }

  async function exportSelected() {
    const text = `${JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: selected.map((d) => d.link) }, null, 2)}\n`;
    try {
      const result = await call('export.save', { suggestedName: 'applink-inventory.json', format: 'json', text });
      setMessage(result.saved ? `Exported ${selected.length} links to ${result.path}.` : 'Export cancelled.');
    } catch (error) {
      setMessage(`Export failed: ${messageOf(error)}`);
    }
  }

  async function remove() {
    setConfirming(false);
    const deleted = await deleteLinks(selected.map((d) => d.link.id));
    setSelection([]);
    setMessage(`Deleted ${deleted} links.`);
  }

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <strong>{selected.length} selected</strong>
      {selected.length < visibleIds.length && <button type="button" onClick={() => setSelection(visibleIds)}>Select all {visibleIds.length} shown</button>}
      <button type="button" onClick={() => setSelection([])}>Clear selection</button>
      <span className="bulk-answer">
        <label htmlFor="bulk-question">Set answer</label>
        <select id="bulk-question" value={question} onChange={(e) => setQuestion(e.target.value as AnswerKey)}>
          {ANSWER_KEYS.map((key) => <option key={key} value={key}>{ANSWER_QUESTIONS[key].question}</option>)}
        </select>
        <label htmlFor="bulk-answer" className="visually-hidden">Answer</label>
        <select id="bulk-answer" value={value} onChange={(e) => setValue(e.target.value as typeof value)}>
            <option value="true">Yes</option>
            <option value="false">No</option>
            <option value="null">Not known</option>
        </select>
        <button type="button" onClick={() => void applyAnswer()}>Apply to {selected.length}</button>
      </span>
      <button type="button" onClick={() => void exportSelected()}>Export…</button>
      <button type="button" onClick={() => void exportBundle(selected.map((d) => d.link.id), setMessage)}>Export bundle…</button>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete…</button>
      {message && <p role="status" className="muted">{message}</p>}
      <ConfirmDialog open={confirming} title={`Delete ${selected.length} links?`} confirmLabel={`Delete ${selected.length} links`} danger
        onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
        <p>Their assessments are removed from this workspace. A backup is taken first: restore it from Backups to bring them back.</p>
      </ConfirmDialog>
    </div>
  );
}
