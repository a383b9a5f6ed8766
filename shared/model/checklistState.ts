import { z } from 'zod';
import { CHECKLIST_IDS, RECOMMENDATIONS, SEVERITIES } from './vocabulary.ts';
import { directionsSchema } from './link.ts';

export const ITEM_STATUSES = ['open', 'done', 'not-applicable', 'blocked'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const itemStateSchema = z.object({
  status: z.enum(ITEM_STATUSES),
  /** The operator name from preferences, when set. */
  by: z.string().max(100).optional(),
  at: z.iso.datetime().optional(),
  note: z.string().max(5000).optional(),
  /** Pasted evidence, e.g. the JSON of /rest/applinks/3.0/status/{id}. */
  evidence: z.string().max(200_000).optional(),
  /** Why an item was marked done although its evidence shows a problem. */
  override: z.string().max(2000).optional(),
});
export type ItemState = z.infer<typeof itemStateSchema>;

export const verdictSummarySchema = z.object({
  recommended: z.enum(RECOMMENDATIONS),
  worstSeverity: z.enum(SEVERITIES).nullable(),
  findings: z.array(z.object({ rule: z.string().max(32), severity: z.enum(SEVERITIES) })).max(100),
});
export type VerdictSummary = z.infer<typeof verdictSummarySchema>;

export const checklistStateSchema = z.object({
  items: z.record(z.string().regex(/^[a-z0-9-]{1,64}$/), itemStateSchema),
  /** Set when the migration was closed and the new configuration recorded. */
  closed: z
    .object({
      at: z.iso.datetime(),
      by: z.string().max(100).optional(),
      previousConfig: z.object({ local: directionsSchema, remote: directionsSchema.optional() }),
      before: verdictSummarySchema,
      after: verdictSummarySchema,
    })
    .optional(),
});
/** The progress of one migration checklist on one link, saved with the link's assessment. */
export type ChecklistState = z.infer<typeof checklistStateSchema>;

export const checklistStatesSchema = z.partialRecord(z.enum(CHECKLIST_IDS), checklistStateSchema);
export type ChecklistStates = z.infer<typeof checklistStatesSchema>;
