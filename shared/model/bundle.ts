import { z } from 'zod';
import { BUNDLE_RESOLUTIONS, BUNDLE_ROW_STATUSES } from './vocabulary.ts';

export const BUNDLE_FORMAT = 'applink-advisor.bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_FILE_NAME = 'applink-advisor.bundle';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest (64 hexadecimal digits)');

/** One link in a bundle: its stored document and the digests of its earlier states, newest first. */
export const bundleEntrySchema = z.object({
  /** An assessment document of any schema version this app can migrate; validated one by one. */
  document: z.record(z.string(), z.unknown()),
  /** Content digests of the link's earlier saved states, to tell "a later version of mine" from a conflict. */
  ancestry: z.array(sha256Hex).max(500),
}).strict();

export const bundleContentSchema = z.object({
  links: z.array(bundleEntrySchema).max(100_000),
}).strict();

/**
 * A portable bundle (`applink-advisor.bundle`): a workspace or a selection of it, for moving between
 * machines on removable media. `sha256` is the SHA-256 of `content` serialised with sorted keys
 * (stableStringify); a bundle whose content does not match it is refused.
 */
export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  bundleVersion: z.literal(BUNDLE_VERSION),
  createdAt: z.iso.datetime(),
  createdBy: z.string().max(200),
  sha256: sha256Hex,
  content: bundleContentSchema,
}).strict();
export type Bundle = z.infer<typeof bundleSchema>;

/** One link of an opened bundle, compared with this workspace, for the preview. */
export const bundlePreviewRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(BUNDLE_ROW_STATUSES),
  /** What merging does when the user says nothing; null for a conflict, which needs a choice. */
  defaultResolution: z.enum(BUNDLE_RESOLUTIONS).nullable(),
  theirsUpdatedAt: z.string(),
  mineUpdatedAt: z.string().nullable(),
  /** Dotted paths of the fields that differ from this workspace's state. */
  fieldsChanged: z.array(z.string()),
});
export type BundlePreviewRow = z.infer<typeof bundlePreviewRowSchema>;

export const bundlePreviewSchema = z.object({
  fileName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  rows: z.array(bundlePreviewRowSchema),
});
export type BundlePreview = z.infer<typeof bundlePreviewSchema>;

export const mergeResultSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  keptBoth: z.number().int(),
  keptMine: z.number().int(),
  /** The automatic snapshot taken before the merge (null when the workspace had no links). */
  backupId: z.string().nullable(),
});
export type MergeResult = z.infer<typeof mergeResultSchema>;
