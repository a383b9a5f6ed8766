/**
 * Assessment documents v2 → v3: a link may carry `triage` (decisions on its findings) and `plan`
 * (owner, change ticket, window). Nothing to reshape — v2 documents have neither — but the version
 * moves so that an older Applink Advisor refuses these files instead of silently dropping the
 * decisions when it saves them again.
 */
export function assessmentV2ToV3(document: Record<string, unknown>): Record<string, unknown> {
  return { ...document, schemaVersion: 3 };
}
