import { useId } from 'react';
import { useUi } from '../state/ui.ts';

/**
 * A text field whose value is committed only when valid. Text that is not valid yet is kept in a
 * per-link draft (so no keystroke is lost, even across views) and explained inline.
 */
export function ValidatedInput(props: {
  draftKey: string;
  label: string;
  value: string | undefined;
  validate(text: string): string | null;
  onCommit(value: string | undefined): void;
  placeholder?: string;
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
  const draft = useUi((s) => s.drafts[props.draftKey]);
  const setDraft = useUi((s) => s.setDraft);
  const text = draft ?? props.value ?? '';
  const problem = draft !== undefined ? props.validate(draft) : null;

  function change(next: string) {
    const trimmed = next.trim();
    const error = trimmed === '' ? (props.required ? 'Required.' : null) : props.validate(trimmed);
    if (error) {
      setDraft(props.draftKey, next);
      return;
    }
    setDraft(props.draftKey, trimmed === next ? null : next);
    props.onCommit(trimmed === '' ? undefined : trimmed);
  }

  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} value={text} placeholder={props.placeholder} aria-invalid={problem ? true : undefined}
        aria-describedby={problem || props.hint ? `${id}-note` : undefined} onChange={(e) => change(e.target.value)}
        onBlur={() => { if (!problem && draft !== undefined) setDraft(props.draftKey, null); }} />
      {(problem || props.hint) && <p id={`${id}-note`} className={problem ? 'field-error' : 'field-hint'}>{problem ? `${problem} Not saved yet.` : props.hint}</p>}
    </div>
  );
}
