import { z } from 'zod';
import { checklistStatesSchema } from './checklistState.ts';
import { linkSchema } from './link.ts';

/** Schema version of one stored link assessment file. Migrations between versions live beside it. */
export const ASSESSMENT_SCHEMA_VERSION = 1;

export const assessmentDocumentSchema = z.object({
  schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
  link: linkSchema,
  /** Migration checklist progress; absent until a checklist is first touched. */
  checklists: checklistStatesSchema.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** One link assessment as kept on disk (`links/<id>.json` in a workspace folder). */
export type AssessmentDocument = z.infer<typeof assessmentDocumentSchema>;
