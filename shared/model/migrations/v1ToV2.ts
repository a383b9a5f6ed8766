/**
 * Assessment documents v1 → v2: every document gains `revision`, the number of times its content has
 * been saved changed. History entries and portable bundles refer to it. A v1 document has no record
 * of earlier saves, so it starts at revision 1.
 */
export function assessmentV1ToV2(document: Record<string, unknown>): Record<string, unknown> {
  return { ...document, schemaVersion: 2, revision: 1 };
}
