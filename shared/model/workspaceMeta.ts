import { z } from 'zod';

export const WORKSPACE_FORMAT = 'applink-advisor.workspace';
export const WORKSPACE_META_FILE = 'workspace.json';

/** `workspace.json` at the root of a workspace folder. */
export const workspaceMetaSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  schemaVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  /** Still the demo estate seeded on first launch. */
  demo: z.boolean(),
});
export type WorkspaceMeta = z.infer<typeof workspaceMetaSchema>;
