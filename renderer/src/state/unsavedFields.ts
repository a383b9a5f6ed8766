import { create } from 'zustand';

/** A field holding text that is not valid, so not saved: which link, what to call it, and the value still in force. */
export interface UnsavedField {
  linkId: string;
  field: string;
  lastValid: string | undefined;
}

interface UnsavedFieldsState {
  /** By draft key (`${linkId}:${field}`), as the drafts in the UI store. */
  fields: Readonly<Record<string, UnsavedField>>;
  set(key: string, field: UnsavedField | null): void;
}

/** Fields whose typed text is not saved because it is not valid: the top bar and the verdict say so. */
export const useUnsavedFields = create<UnsavedFieldsState>((set, get) => ({
  fields: {},
  set(key, field) {
    const current = get().fields[key];
    if (!field && !current) return;
    if (field && current && current.field === field.field && current.lastValid === field.lastValid) return;
    const fields = { ...get().fields };
    if (field) fields[key] = field;
    else delete fields[key];
    set({ fields });
  },
}));

/** "1 field not saved: fix Local end version", or null when every field is saved or valid. */
export function unsavedFieldsMessage(fields: Readonly<Record<string, UnsavedField>>): string | null {
  const names = Object.values(fields).map((f) => f.field);
  if (names.length === 0) return null;
  return `${names.length} field${names.length === 1 ? '' : 's'} not saved: fix ${names.join(', ')}`;
}
