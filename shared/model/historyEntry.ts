import { z } from 'zod';
import { checklistStatesSchema } from './checklistState.ts';
import { linkSchema } from './link.ts';

export const HISTORY_SCHEMA_VERSION = 1;
/** Ordinary saved states kept per link; milestones (a migration closed) are kept beyond this. */
export const HISTORY_KEPT = 50;

/** One saved state of a link, kept in `history/<link id>/<revision>.json`. */
export const historyEntrySchema = z.object({
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  revision: z.number().int().min(1),
  savedAt: z.iso.datetime(),
  link: linkSchema,
  checklists: checklistStatesSchema.optional(),
  /** What produced this state when it was not an edit: "restored from backup …", "taken from bundle …". */
  event: z.string().max(300).optional(),
  /** The save that closed a migration checklist: kept however long the history grows. */
  milestone: z.string().max(300).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
