import type { ReactNode } from 'react';
import type { Verdict } from '../../../../shared/engine/assessLink.ts';
import { SOURCES } from '../../../../shared/guidance/sources.ts';
import { UPDATE_PATHS } from '../../../../shared/guidance/updatePaths.ts';
import type { Directions, Link } from '../../../../shared/model/link.ts';
import { RECOMMENDATION_LABELS, directionText } from '../../../../shared/present/labels.ts';
import { ReadinessBadge, SeverityBadge } from '../../components/Badges.tsx';
import { FindingTriage, FindingsTriageSummary } from './FindingTriage.tsx';

const CHECKLIST_NAMES: Record<string, string> = {
  'ta-to-oauth': 'Trusted Apps / Basic → OAuth',
  'oauth-to-oauth2': 'OAuth 1.0a → OAuth 2.0',
};

function SourceList({ ids }: { ids: string[] }) {
  return (
    <ul className="sources">
      {ids.map((id) => {
        const source = SOURCES[id];
        return (
          <li key={id}>
            <span className="source-id">[{id}]</span> {source?.title ?? id}
            {source?.url && <> — <span className="url">{source.url}</span></>}
          </li>
        );
      })}
    </ul>
  );
}

function SettingsTable({ local, remote }: { local: Directions; remote: Directions | null }) {
  return (
    <table className="settings">
      <caption className="visually-hidden">Recommended settings per end and direction</caption>
      <thead><tr><th scope="col">End</th><th scope="col">Outgoing</th><th scope="col">Incoming</th></tr></thead>
      <tbody>
        <tr><th scope="row">Local</th><td>{directionText(local.outgoing)}</td><td>{directionText(local.incoming)}</td></tr>
        <tr><th scope="row">Remote</th><td colSpan={remote ? 1 : 2}>{remote ? directionText(remote.outgoing) : 'Nothing to configure'}</td>{remote && <td>{directionText(remote.incoming)}</td>}</tr>
      </tbody>
    </table>
  );
}

/** The verdict for the link being edited: recommendation, settings, readiness, findings (with their triage, given the link), checklists. */
export function VerdictPanel({ verdict, link, notice }: { verdict: Verdict; link?: Link; notice?: ReactNode }) {
  return (
    <section className="verdict" aria-labelledby="verdict-heading" aria-live="polite">
      <h2 id="verdict-heading">Verdict</h2>
      {notice}
      <div className="recommendation" data-recommendation={verdict.recommended}>
        <p className="recommendation-label">Recommended: <strong>{RECOMMENDATION_LABELS[verdict.recommended]}</strong></p>
        <p>{verdict.settings?.sentence ?? 'Answer the questions the flowchart needs to get a recommendation.'}</p>
        {verdict.settings && <SettingsTable local={verdict.settings.local} remote={verdict.settings.remote} />}
      </div>

      <div className="facts">
        <div>
          <h3>OAuth 2.0 readiness</h3>
          <p><ReadinessBadge status={verdict.oauth2.status} /></p>
          {verdict.oauth2.blockers.length > 0 && (
            <ul className="blockers">{verdict.oauth2.blockers.map((b) => <li key={`${b.end}-${b.code}`}>{b.message}</li>)}</ul>
          )}
        </div>
        <div>
          <h3>Migration</h3>
          {verdict.updatePath && <p>Update path {verdict.updatePath}: {UPDATE_PATHS[verdict.updatePath].name}. {UPDATE_PATHS[verdict.updatePath].summary}</p>}
          <p>{verdict.checklists.length ? `Checklists: ${verdict.checklists.map((c) => CHECKLIST_NAMES[c]).join(', ')}.` : 'No migration checklist applies.'}</p>
        </div>
      </div>

      <h3>Findings ({verdict.findings.length}){link && <FindingsTriageSummary link={link} findings={verdict.findings} />}</h3>
      <ol className="findings">
        {verdict.findings.map((finding) => (
          <li key={`${finding.rule}-${finding.node ?? ''}`} className={`finding severity-border-${finding.severity}`} data-rule={finding.rule}>
            <div className="finding-head">
              <SeverityBadge severity={finding.severity} />
              <span className="rule-id">{finding.rule}</span>
              <code>{finding.code}</code>
              {finding.primary && <span className="badge primary-badge">primary status check</span>}
            </div>
            <p className="finding-title">{finding.title}</p>
            <p>{finding.message}</p>
            <p><strong>Remedy:</strong> {finding.remedy}</p>
            <details>
              <summary>Sources</summary>
              <SourceList ids={finding.sources} />
            </details>
            {link && <FindingTriage link={link} finding={finding} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
