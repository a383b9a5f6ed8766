import { useId } from 'react';
import { useUi } from '../state/ui.ts';
import { useUnsavedFields } from '../state/unsavedFields.ts';

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
  /** What the top bar calls the field while its text is not saved ("Local end version"); the label by default. */
  fieldName?: string;
}) {
  const id = useId();
  const draft = useUi((s) => s.drafts[props.draftKey]);
  const setDraft = useUi((s) => s.setDraft);
  const setUnsaved = useUnsavedFields((s) => s.set);
  const text = draft ?? props.value ?? '';
  const problem = draft !== undefined ? props.validate(draft) : null;

  function change(next: string) {
    const trimmed = next.trim();
    const error = trimmed === '' ? (props.required ? 'Required.' : null) : props.validate(trimmed);
    if (error) {
      setDraft(props.draftKey, next);
      setUnsaved(props.draftKey, { linkId: props.draftKey.split(':')[0]!, field: props.fieldName ?? props.label, lastValid: props.value });
      return;
    }
    setDraft(props.draftKey, trimmed === next ? null : next);
    setUnsaved(props.draftKey, null);
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
