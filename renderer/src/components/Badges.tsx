import type { OAuth2Status } from '../../../shared/engine/oauth2Readiness.ts';
import type { Severity } from '../../../shared/guidance/rules.ts';
import { OAUTH2_LABELS } from '../../../shared/present/labels.ts';

/** A finding severity, in words and colour (never colour alone). */
export function SeverityBadge({ severity }: { severity: Severity | null }) {
  if (!severity) return <span className="badge badge-none">none</span>;
  return <span className={`badge severity-${severity}`}>{severity}</span>;
}

export function ReadinessBadge({ status }: { status: OAuth2Status }) {
  return <span className={`badge readiness-${status}`}>{OAUTH2_LABELS[status]}</span>;
}
