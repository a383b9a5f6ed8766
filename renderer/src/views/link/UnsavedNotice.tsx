import { useUnsavedFields } from '../../state/unsavedFields.ts';

/** Said in the verdict while a field of this link holds text that is not valid: the verdict still uses the last valid value. */
export function UnsavedNotice({ linkId }: { linkId: string }) {
  const fields = useUnsavedFields((s) => s.fields);
  const mine = Object.values(fields).filter((f) => f.linkId === linkId);
  if (mine.length === 0) return null;
  return (
    <div className="verdict-unsaved" role="status" data-unsaved-fields={mine.length}>
      {mine.map((f) => (
        <p key={f.field}>
          <strong>{f.field}</strong> holds text that is not valid and is not saved: this verdict uses the last valid value,{' '}
          {f.lastValid === undefined ? 'which is empty' : <>“{f.lastValid}”</>}.
        </p>
      ))}
    </div>
  );
}
