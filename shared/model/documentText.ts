import { ASSESSMENT_SCHEMA_VERSION, assessmentDocumentSchema, type AssessmentDocument } from './assessmentDocument.ts';
import type { Link } from './link.ts';
import { migrateAssessment } from './migrations/index.ts';
import { stableStringify } from './stableJson.ts';
import { messageOf } from './messageOf.ts';

/** A link's content as the user sees it: what a save may change. */
export interface LinkContent {
  link: Link;
  checklists?: AssessmentDocument['checklists'];
}

/** A document read from its text (migrated from an older schema if need be), or why it cannot be used. */
export type ParsedDocument = { document: AssessmentDocument; migratedFrom?: number } | { reason: string; kind: 'invalid' | 'newer' };

/** Parses a stored assessment document: JSON, migrated to the current schema, validated. Never throws. */
export function parseDocumentText(text: string): ParsedDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { reason: `not valid JSON (${messageOf(error)})`, kind: 'invalid' };
  }
  const migration = migrateAssessment(json, ASSESSMENT_SCHEMA_VERSION);
  if (migration.kind === 'newer') {
    return { reason: `written by a newer Applink Advisor (schema version ${migration.version}; this one reads ${ASSESSMENT_SCHEMA_VERSION}). Left untouched: open it with that version.`, kind: 'newer' };
  }
  if (migration.kind === 'unknown') return { reason: migration.reason, kind: 'invalid' };
  let parsed: ReturnType<typeof assessmentDocumentSchema.safeParse>;
  try {
    parsed = assessmentDocumentSchema.safeParse(migration.document);
  } catch (error) {
    // A record with hundreds of thousands of bad keys makes as many issues, and gathering them overflows the stack.
    if (error instanceof RangeError) return { reason: 'not a valid assessment: too many problems to list (a record with far more entries than the app writes)', kind: 'invalid' };
    throw error;
  }
  if (!parsed.success) return { reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '), kind: 'invalid' };
  return migration.kind === 'migrated' ? { document: parsed.data, migratedFrom: migration.from } : { document: parsed.data };
}

/**
 * The document to store for new content, keeping the creation time and (unless replaced) the
 * checklist progress. `revision` moves on only when the content changes, past any revision already
 * in the history (`latestRevision`: a restored or re-created link never reuses a number).
 */
export function nextDocument(content: LinkContent, existing: AssessmentDocument | null, timestamp: string, latestRevision: () => number): { document: AssessmentDocument; changed: boolean } {
  const { link } = content;
  const nextChecklists = 'checklists' in content ? content.checklists : existing?.checklists;
  const changed = !existing || stableStringify(existing.link) !== stableStringify(link) || stableStringify(existing.checklists ?? null) !== stableStringify(nextChecklists ?? null);
  const revision = !changed && existing ? existing.revision : Math.max(existing?.revision ?? 0, latestRevision()) + 1;
  const document: AssessmentDocument = {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    revision,
    link,
    ...(nextChecklists ? { checklists: nextChecklists } : {}),
    createdAt: existing?.createdAt ?? timestamp,
    updatedAt: changed ? timestamp : existing.updatedAt,
  };
  return { document, changed };
}
