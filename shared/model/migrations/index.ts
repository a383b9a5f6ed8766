import { assessmentV1ToV2 } from './v1ToV2.ts';
import { assessmentV2ToV3 } from './v2ToV3.ts';

type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/** `ASSESSMENT_MIGRATIONS[n]` turns a version-n document into a version-(n+1) one. Pure, never throws on objects. */
export const ASSESSMENT_MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: assessmentV1ToV2,
  2: assessmentV2ToV3,
};

export type MigrationResult =
  | { kind: 'current'; document: unknown }
  | { kind: 'migrated'; document: unknown; from: number }
  | { kind: 'newer'; version: number }
  | { kind: 'unknown'; reason: string };

/**
 * Brings a parsed assessment document up to `target` one step at a time. The result still has to be
 * validated against the current schema: a migration reshapes, it does not vouch for content.
 */
export function migrateAssessment(json: unknown, target: number): MigrationResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'unknown', reason: 'expected a JSON object' };
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'unknown', reason: 'schemaVersion: expected a whole number of 1 or more' };
  if (version > target) return { kind: 'newer', version };
  if (version === target) return { kind: 'current', document: json };
  let document = json as Record<string, unknown>;
  for (let v = version; v < target; v++) {
    const step = ASSESSMENT_MIGRATIONS[v];
    if (!step) return { kind: 'unknown', reason: `schemaVersion: no migration from version ${v}` };
    document = step(document);
  }
  return { kind: 'migrated', document, from: version };
}
