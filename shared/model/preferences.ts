import { z } from 'zod';

/** The user's preferences on this machine (not part of any workspace). */
export const preferencesSchema = z.object({
  /** Recorded as "who" on checklist items and migrations. */
  operatorName: z.string().trim().max(100).nullable(),
});
export type Preferences = z.infer<typeof preferencesSchema>;
