import { z } from 'zod';
import { CHECKLIST_IDS, REPORT_FORMATS, REPORT_SECTIONS } from '../model/vocabulary.ts';
import { assessmentDocumentSchema } from '../model/assessmentDocument.ts';
import { checklistStateSchema } from '../model/checklistState.ts';
import { backupInfoSchema } from '../model/backupInfo.ts';
import { bundlePreviewSchema, mergeResultSchema } from '../model/bundle.ts';
import { checklistStatesSchema } from '../model/checklistState.ts';
import { historyEntrySchema } from '../model/historyEntry.ts';
import { importPreviewSchema, importResultSchema } from '../model/importPreview.ts';
import { BUNDLE_RESOLUTIONS } from '../model/vocabulary.ts';
import { preferencesSchema } from '../model/preferences.ts';
import { LINK_ID_PATTERN, linkSchema } from '../model/link.ts';
import type { OperationName } from './operationNames.ts';

const empty = z.object({}).strict();

/** Files the app can write through the save dialog. */
export const EXPORT_FORMATS = ['json', 'svg', 'png', 'md', 'html', 'csv'] as const;
const linkId = z.string().regex(LINK_ID_PATTERN);
const backupId = z.string().regex(/^[0-9TZ-]+-[0-9a-f]{6}$/, 'expected a backup id');
/** Names a bundle or import preview the main process holds until it is merged, committed or discarded. */
const previewToken = z.string().regex(/^[0-9a-f]{32}$/, 'expected a preview token');
/** Names one report being made, chosen by the renderer, so it can ask how far it got or cancel it. */
const reportJob = z.string().regex(/^[0-9a-f]{32}$/, 'expected a report job id');
/**
 * A large workspace reaches the renderer in pages, so its first screen does not wait for the whole of it:
 * workspace.open sends the first OPEN_FIRST_PAGE documents in name order, workspace.openRest the others
 * OPEN_REST_PAGE at a time (docs/architecture.md, "Opening a large workspace").
 */
export const OPEN_FIRST_PAGE = 300;
export const OPEN_REST_PAGE = 2_500;
/** Names the rest of one opening, held by the main process until the last page is sent or the workspace is opened again. */
const openToken = z.string().regex(/^[0-9a-f]{32}$/, 'expected an open token');
/** How far a report has got (reports.progress). */
export const reportProgressSchema = z.object({
  stage: z.enum(['building', 'rendering', 'printing', 'sealing']),
  step: z.number().int().min(0).max(100),
  steps: z.number().int().min(1).max(100),
  message: z.string().max(300),
}).strict();

/** The typed API between renderer and main: argument and result schema per operation. */
export const CONTRACT = {
  'workspace.open': {
    args: empty,
    result: z.object({
      workspacePath: z.string(),
      /** The workspace still holds the demo estate it was seeded with on first launch. */
      isDemo: z.boolean(),
      documents: z.array(assessmentDocumentSchema),
      unreadable: z.array(z.object({ file: z.string(), reason: z.string(), kind: z.enum(['invalid', 'newer']), quarantinedTo: z.string().optional() })),
      /** Why the workspace is read-only here (another process holds it), or null. */
      readOnly: z.string().nullable(),
      /** Documents of an older schema version rewritten in the current one (after a backup). */
      migrated: z.number().int(),
      /** The default workspace under the user-data folder, rather than one the user chose. */
      isDefault: z.boolean(),
      /** Workspace folders opened before, most recent first. */
      recent: z.array(z.string()),
      /** How many documents the workspace holds; `documents` are the first of them, in name order. */
      total: z.number().int().min(0),
      /** Names the rest of the documents for workspace.openRest, or null when `documents` holds them all. */
      rest: openToken.nullable(),
    }),
  },
  'workspace.openRest': {
    args: z.object({ token: openToken, from: z.number().int().min(OPEN_FIRST_PAGE).max(10_000_000) }).strict(),
    /** The documents from `from` on (at most OPEN_REST_PAGE), and where the next page starts, or null after the last. */
    result: z.object({ documents: z.array(assessmentDocumentSchema), next: z.number().int().nullable() }),
  },
  'workspace.chooseFolder': {
    args: empty,
    result: z.object({ switched: z.boolean() }),
  },
  'workspace.switch': {
    args: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: z.object({ switched: z.literal(true) }),
  },
  'workspace.changesSince': {
    args: z.object({
      since: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('date'), date: z.iso.datetime() }).strict(),
        z.object({ kind: z.literal('backup'), id: backupId }).strict(),
      ]),
    }).strict(),
    result: z.object({ label: z.string(), baseline: z.array(z.object({ link: linkSchema, checklists: checklistStatesSchema.optional() })) }),
  },
  'links.history': {
    args: z.object({ id: linkId }).strict(),
    result: z.object({ entries: z.array(historyEntrySchema) }),
  },
  'bundles.export': {
    args: z.object({ ids: z.array(linkId).min(1).max(100_000).optional() }).strict(),
    result: z.object({ saved: z.boolean(), path: z.string().optional(), count: z.number().int() }),
  },
  'bundles.open': {
    args: empty,
    result: z.object({ token: previewToken.nullable(), preview: bundlePreviewSchema.nullable() }),
  },
  'bundles.merge': {
    args: z.object({ token: previewToken, resolutions: z.record(linkId, z.enum(BUNDLE_RESOLUTIONS)) }).strict(),
    result: mergeResultSchema,
  },
  'bundles.discard': {
    args: z.object({ token: previewToken }).strict(),
    result: z.object({}),
  },
  'import.choose': {
    /** folder: pick one folder (read with its subfolders) instead of files. */
    args: z.object({ folder: z.boolean().optional() }).strict(),
    result: z.object({ token: previewToken.nullable(), preview: importPreviewSchema.nullable() }),
  },
  'import.fromContents': {
    args: z.object({
      files: z.array(z.object({
        name: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'expected a file name without a folder'),
        text: z.string().max(50 * 1024 * 1024),
        /** For a file of a dropped folder: its folder, from the dropped folder's own name down (`exports/jira`). */
        folder: z.string().max(1000).regex(/^(?!\.\.?(\/|$))[^/\\]+(\/(?!\.\.?(\/|$))[^/\\]+)*$/, 'expected a relative folder path with / between names and no . or .. part').optional(),
      }).strict()).min(1).max(2000),
    }).strict(),
    result: z.object({ token: previewToken, preview: importPreviewSchema }),
  },
  'import.attribute': {
    args: z.object({
      token: previewToken,
      /** File (as the preview names it) → the Applinks id of the link it is about. */
      attach: z.record(z.string().min(1).max(1000), z.string().min(1).max(200)),
      /** Files to leave out. */
      skip: z.array(z.string().min(1).max(1000)).max(20_000),
    }).strict(),
    /** The preview again, with those choices. */
    result: z.object({ token: previewToken, preview: importPreviewSchema }),
  },
  'import.commit': {
    args: z.object({
      token: previewToken,
      /** Answers the exports cannot know, applied to every imported link where they are still unknown. */
      answers: z.object({ mutualTrust: z.boolean(), sharedUserBase: z.boolean(), adminOnRemote: z.boolean(), sysadminOnRemote: z.boolean() }).partial().strict(),
      /** Links of the preview to leave out. */
      skip: z.array(linkId).max(100_000),
    }).strict(),
    result: importResultSchema,
  },
  'reports.export': {
    args: z.object({
      /** The links to report on; all of the workspace when absent. */
      ids: z.array(linkId).min(1).max(100_000).optional(),
      format: z.enum(REPORT_FORMATS),
      title: z.string().trim().min(1).max(200),
      classification: z.string().trim().max(100).nullable(),
      includeChecklists: z.boolean(),
      includeHistory: z.boolean(),
      /** Adds "what changed since" to the summary: a backup to compare with, or none. */
      changesSinceBackup: backupId.nullable(),
      paper: z.enum(['A4', 'Letter']),
      bom: z.boolean(),
      /** Sign with an Ed25519 private key the user picks in a file dialog; the key is read, used and forgotten. */
      sign: z.boolean(),
      /** The executive summary alone (not for CSV). */
      summary: z.boolean().optional(),
      /** The parts of the full report; all when absent. */
      sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(REPORT_SECTIONS.length).optional(),
      /** Lets reports.progress and reports.cancel name this report while it is made. */
      job: reportJob.optional(),
    }).strict().refine((a) => !(a.summary && a.format === 'csv'), { message: 'a CSV report has no summary form', path: ['summary'] }),
    result: z.object({ saved: z.boolean(), path: z.string().optional(), links: z.number().int(), bytes: z.number().int(), cancelled: z.boolean().optional() }),
  },
  'reports.progress': {
    args: z.object({ job: reportJob }).strict(),
    /** null when no report of that id is being made (not started yet, finished or cancelled). */
    result: z.object({ progress: reportProgressSchema.nullable() }),
  },
  'reports.cancel': {
    args: z.object({ job: reportJob }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  'diagnostics.get': {
    args: empty,
    /** Versions, platform, workspace counts and the newest log lines: what a support ticket needs, no user data. */
    result: z.object({ text: z.string(), logFolder: z.string() }),
  },
  'diagnostics.copy': {
    args: empty,
    result: z.object({ copied: z.literal(true) }),
  },
  'diagnostics.openLogFolder': {
    args: empty,
    result: z.object({ opened: z.boolean() }),
  },
  'launch.pending': {
    args: empty,
    /** A bundle or inventory file the system asked the app to open (a double-click), already read into a preview. */
    result: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({ kind: z.literal('bundle'), token: previewToken, preview: bundlePreviewSchema }),
      z.object({ kind: z.literal('import'), token: previewToken, preview: importPreviewSchema }),
    ]),
  },
  'import.discard': {
    args: z.object({ token: previewToken }).strict(),
    result: z.object({}),
  },
  'workspace.startEmpty': {
    args: empty,
    result: z.object({ removed: z.number().int() }),
  },
  'links.create': {
    args: z.object({ name: z.string().trim().min(1, 'expected a name').max(200) }).strict(),
    result: assessmentDocumentSchema,
  },
  'links.save': {
    args: z.object({ link: linkSchema }).strict(),
    result: assessmentDocumentSchema,
  },
  'links.saveMany': {
    args: z.object({ links: z.array(linkSchema).min(1).max(10_000) }).strict(),
    result: z.object({ documents: z.array(assessmentDocumentSchema) }),
  },
  'links.delete': {
    args: z.object({ ids: z.array(linkId).min(1).max(10_000) }).strict(),
    result: z.object({ deleted: z.number().int() }),
  },
  'export.save': {
    args: z
      .object({
        suggestedName: z.string().min(1).max(120).regex(/^[^/\\:*?"<>|]+$/, 'expected a file name without a folder'),
        format: z.enum(EXPORT_FORMATS),
        text: z.string().max(20_000_000).optional(),
        base64: z.string().max(20_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/).optional(),
      })
      .strict()
      .refine((value) => (value.text === undefined) !== (value.base64 === undefined), 'expected either text or base64'),
    result: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'checklists.update': {
    args: z.object({ linkId, checklistId: z.enum(CHECKLIST_IDS), state: checklistStateSchema }).strict(),
    result: assessmentDocumentSchema,
  },
  'checklists.close': {
    args: z.object({ linkId, checklistId: z.enum(CHECKLIST_IDS) }).strict(),
    result: assessmentDocumentSchema,
  },
  'preferences.get': {
    args: empty,
    result: preferencesSchema,
  },
  'preferences.set': {
    args: preferencesSchema.strict(),
    result: preferencesSchema,
  },
  'backups.list': {
    args: empty,
    result: z.object({ backups: z.array(backupInfoSchema) }),
  },
  'backups.create': {
    args: z.object({ reason: z.string().trim().min(1).max(200) }).strict(),
    result: backupInfoSchema,
  },
  'backups.restore': {
    args: z.object({ id: backupId }).strict(),
    result: z.object({ restored: backupInfoSchema, safety: backupInfoSchema }),
  },
} as const satisfies Record<OperationName, { args: z.ZodType; result: z.ZodType }>;

export type Contract = typeof CONTRACT;
export type ArgsOf<K extends OperationName> = z.input<Contract[K]['args']>;
export type ResultOf<K extends OperationName> = z.output<Contract[K]['result']>;

/** Why an operation failed, in a form that crosses the process boundary. */
export interface ApiFailure {
  code: 'invalid-argument' | 'unknown-operation' | 'forbidden' | 'not-found' | 'conflict' | 'internal';
  message: string;
  problems?: Array<{ path: string; message: string }>;
}

/** Every operation answers with this envelope; the renderer's client unwraps it. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

/** What the main process implements: one async function per operation, given validated arguments. */
export type Handlers = { [K in OperationName]: (args: z.output<Contract[K]['args']>) => Promise<ResultOf<K>> };

/** What the renderer sees: one function per operation returning the envelope. */
export type BridgeApi = { [K in OperationName]: (args: ArgsOf<K>) => Promise<Envelope<ResultOf<K>>> };
