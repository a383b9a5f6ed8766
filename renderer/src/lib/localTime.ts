/** A stored ISO time as the user's local date and time. */
export const localTime = (iso: string): string => new Date(iso).toLocaleString();
