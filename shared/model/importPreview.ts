import { z } from 'zod';
import { linkSchema } from './link.ts';

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;

const problem = z.object({ file: z.string(), path: z.string(), message: z.string() });

/** What an import would do, shown before anything is written (the same for the app and the CLI). */
export const importPreviewSchema = z.object({
  files: z.array(z.object({
    file: z.string(),
    group: z.string(),
    kind: z.string(),
    links: z.number().int(),
    /** Where secrets were removed (never their values). */
    secretsRemoved: z.array(z.object({ path: z.string(), why: z.string() })),
    /** An answer about one link that does not name it: the link it was placed on, and how. */
    attributedTo: z.object({ id: z.string(), name: z.string().nullable(), by: z.string() }).optional(),
  })),
  /** Files or entries that cannot be used; any of these blocks the import. */
  problems: z.array(problem),
  /** Answers about one link that could not be placed: each is attached to a link or left out before the import. */
  unattributed: z.array(z.object({
    file: z.string(),
    group: z.string(),
    endpoint: z.string(),
    reason: z.string(),
    suggestedName: z.string(),
    candidates: z.array(z.object({ id: z.string(), name: z.string().nullable(), url: z.string().nullable() })),
  })),
  /** What the user chose for such files so far (file → link id; files left out). */
  choices: z.object({ attach: z.record(z.string(), z.string()), skip: z.array(z.string()) }),
  rows: z.array(z.object({
    link: linkSchema,
    action: z.enum(IMPORT_ACTIONS),
    matchedBy: z.enum(['id', 'urls']).nullable(),
    sources: z.array(z.string()),
    warnings: z.array(z.string()),
    fieldsChanged: z.array(z.string()),
    bothEnds: z.boolean(),
  })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  backupId: z.string().nullable(),
});
export type ImportCommitResult = z.infer<typeof importResultSchema>;
