import { z } from 'zod';
import { checklistStatesSchema } from './checklistState.ts';
import { linkSchema } from './link.ts';

/** Schema version of one stored link assessment file. Migrations from older versions live in `migrations/`. */
export const ASSESSMENT_SCHEMA_VERSION = 3;

export const assessmentDocumentSchema = z.object({
  schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
  /** 1 for a new link, one more each time a save changes its content (history entries are numbered by it). */
  revision: z.number().int().min(1),
  link: linkSchema,
  /** Migration checklist progress; absent until a checklist is first touched. */
  checklists: checklistStatesSchema.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** One link assessment as kept on disk (`links/<id>.json` in a workspace folder). */
export type AssessmentDocument = z.infer<typeof assessmentDocumentSchema>;
