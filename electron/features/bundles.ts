import { createHash, randomBytes } from 'node:crypto';
import { OperationError } from '../../shared/contract/operationError.ts';
import { diffStates, type LinkState } from '../../shared/engine/compareAssessments.ts';
import { ASSESSMENT_SCHEMA_VERSION, assessmentDocumentSchema, type AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleSchema, type Bundle, type BundlePreview, type BundlePreviewRow, type MergeResult } from '../../shared/model/bundle.ts';
import { parseJsonText } from '../../shared/model/jsonText.ts';
import { scrubSecrets } from '../../shared/import/secrets.ts';
import { migrateAssessment } from '../../shared/model/migrations/index.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { problemsFrom, type InputProblem } from '../../shared/model/validationMessages.ts';
import type { BundleResolution } from '../../shared/model/vocabulary.ts';
import type { LinkContent, WorkspaceStore } from '../workspace/store.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The digest of what a user can change in a link (not its timestamps or revision). */
export function contentDigest(state: LinkState): string {
  return sha256(stableStringify({ link: state.link, checklists: state.checklists ?? null }));
}

/** A bundle read from a file and checked: its documents migrated and validated. */
export interface OpenedBundle {
  fileName: string;
  bundle: Bundle;
  documents: AssessmentDocument[];
}

/** Writes the workspace's links (or the chosen ones) as a bundle, each with the digests of its earlier states. */
export async function exportBundle(store: WorkspaceStore, ids: string[] | null, createdBy: string, now: () => Date = () => new Date()): Promise<{ text: string; count: number }> {
  const { documents } = await store.list();
  const wanted = ids ? new Set(ids) : null;
  const chosen = wanted ? documents.filter((d) => wanted.has(d.link.id)) : documents;
  if (wanted && chosen.length !== wanted.size) {
    const missing = [...wanted].filter((id) => !chosen.some((d) => d.link.id === id));
    throw new OperationError('not-found', `Not in this workspace: ${missing.join(', ')}.`);
  }
  const links = [];
  for (const document of chosen) {
    const history = await store.history.entries(document.link.id, document);
    const ancestry = history.filter((e) => e.revision < document.revision).reverse().map((e) => contentDigest(e));
    links.push({ document: document as unknown as Record<string, unknown>, ancestry: [...new Set(ancestry)].slice(0, 500) });
  }
  const content = { links };
  const bundle: Bundle = { format: BUNDLE_FORMAT, bundleVersion: BUNDLE_VERSION, createdAt: now().toISOString(), createdBy, sha256: sha256(stableStringify(content)), content };
  return { text: stableStringify(bundle), count: chosen.length };
}

const refuse = (fileName: string, problems: InputProblem[]): never => {
  throw new OperationError('invalid-argument', `${fileName} is not a usable bundle: ${problems.map((p) => `${p.path}: ${p.message}`).slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`, problems);
};

/**
 * Reads a bundle, refusing (with the file, the place and what was expected) anything that is not
 * JSON, not a bundle, changed since it was made (digest mismatch) or holding an invalid document.
 */
export function openBundle(text: string, fileName: string): OpenedBundle {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return refuse(fileName, parsed.problems);
  const envelope = bundleSchema.safeParse(parsed.value);
  if (!envelope.success) return refuse(fileName, problemsFrom(envelope.error));
  const bundle = envelope.data;
  const actual = sha256(stableStringify(bundle.content));
  if (actual !== bundle.sha256) {
    throw new OperationError('invalid-argument', `${fileName} has been changed since it was made: its content does not match its SHA-256 digest (recorded ${bundle.sha256.slice(0, 12)}…, content ${actual.slice(0, 12)}…). Nothing was imported; ask for a fresh copy.`);
  }
  const documents: AssessmentDocument[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  bundle.content.links.forEach((entry, i) => {
    const at = `content.links[${i}].document`;
    // After the seal is checked (on the bundle as written): a colleague's notes or evidence may hold a
    // secret, which this workspace must not keep.
    const migration = migrateAssessment(scrubSecrets(entry.document).value, ASSESSMENT_SCHEMA_VERSION);
    if (migration.kind === 'newer') problems.push({ path: `${at}.schemaVersion`, message: `written by a newer Applink Advisor (schema version ${migration.version}; this one reads ${ASSESSMENT_SCHEMA_VERSION})` });
    else if (migration.kind === 'unknown') problems.push({ path: at, message: migration.reason });
    else {
      const result = assessmentDocumentSchema.safeParse(migration.document);
      if (!result.success) problems.push(...problemsFrom(result.error, ['content', 'links', i, 'document']));
      else if (seen.has(result.data.link.id)) problems.push({ path: `${at}.link.id`, message: `"${result.data.link.id}" appears twice in the bundle` });
      else {
        seen.add(result.data.link.id);
        documents.push(result.data);
      }
    }
  });
  if (problems.length) refuse(fileName, problems);
  return { fileName, bundle, documents };
}

/** Compares each link of a bundle with this workspace. */
export async function previewBundle(store: WorkspaceStore, opened: OpenedBundle): Promise<BundlePreview> {
  const { documents: mine } = await store.list();
  const byId = new Map(mine.map((d) => [d.link.id, d]));
  const rows: BundlePreviewRow[] = [];
  for (const [i, theirs] of opened.documents.entries()) {
    const own = byId.get(theirs.link.id) ?? null;
    const base = { id: theirs.link.id, name: theirs.link.name, theirsUpdatedAt: theirs.updatedAt, mineUpdatedAt: own?.updatedAt ?? null };
    if (!own) {
      rows.push({ ...base, status: 'new', defaultResolution: 'take-theirs', fieldsChanged: [] });
      continue;
    }
    const fieldsChanged = diffStates(own, theirs).map((f) => f.path);
    const ownDigest = contentDigest(own);
    const theirDigest = contentDigest(theirs);
    if (ownDigest === theirDigest) rows.push({ ...base, status: 'identical', defaultResolution: 'keep-mine', fieldsChanged });
    else if (opened.bundle.content.links[i]!.ancestry.includes(ownDigest)) rows.push({ ...base, status: 'update', defaultResolution: 'take-theirs', fieldsChanged });
    else if ((await store.history.entries(own.link.id, own)).some((e) => contentDigest(e) === theirDigest)) rows.push({ ...base, status: 'older', defaultResolution: 'keep-mine', fieldsChanged });
    else rows.push({ ...base, status: 'conflict', defaultResolution: null, fieldsChanged });
  }
  return { fileName: opened.fileName, createdAt: opened.bundle.createdAt, createdBy: opened.bundle.createdBy, rows };
}

/**
 * Merges a bundle as one all-or-nothing operation after a snapshot. Each link follows the user's
 * choice, or its default; every conflict needs a choice. "Keep both" adds theirs as a new link.
 */
export async function mergeBundle(store: WorkspaceStore, opened: OpenedBundle, resolutions: Record<string, BundleResolution>): Promise<MergeResult> {
  const preview = await previewBundle(store, opened);
  const undecided = preview.rows.filter((r) => r.defaultResolution === null && !resolutions[r.id]);
  if (undecided.length) throw new OperationError('invalid-argument', `Choose keep mine, take theirs or keep both for each conflicting link: ${undecided.map((r) => r.name).join(', ')}.`);
  const unknown = Object.keys(resolutions).filter((id) => !preview.rows.some((r) => r.id === id));
  if (unknown.length) throw new OperationError('invalid-argument', `Not in ${opened.fileName}: ${unknown.join(', ')}.`);
  const contents: LinkContent[] = [];
  const result: MergeResult = { added: 0, updated: 0, keptBoth: 0, keptMine: 0, backupId: null };
  opened.documents.forEach((theirs, i) => {
    const row = preview.rows[i]!;
    const choice = resolutions[row.id] ?? row.defaultResolution!;
    const content: LinkContent = { link: theirs.link, checklists: theirs.checklists };
    if (choice === 'keep-mine' || (row.status === 'identical' && choice !== 'keep-both')) result.keptMine++;
    else if (choice === 'take-theirs') {
      contents.push(content);
      if (row.status === 'new') result.added++;
      else result.updated++;
    } else {
      const copyId = `${theirs.link.id.slice(0, 110)}-copy-${randomBytes(3).toString('hex')}`;
      contents.push({ ...content, link: { ...theirs.link, id: copyId, name: `${theirs.link.name} (from ${opened.fileName})`.slice(0, 200) } });
      result.keptBoth++;
    }
  });
  if (contents.length === 0) return result;
  const { backup } = await store.replaceMany(contents, [], `before merging ${opened.fileName}`, { event: `taken from bundle ${opened.fileName} (${opened.bundle.createdAt})` });
  return { ...result, backupId: backup?.id ?? null };
}
