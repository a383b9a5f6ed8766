import type { ServerSummary } from '../../../../shared/engine/servers.ts';
import { SeverityBadge } from '../../components/Badges.tsx';
import { authParts, serverHeadline } from './serverText.ts';

/** One row per server: the headline, authentication in use, worst finding, OAuth 2.0 readiness, migrations. */
export function ServersTable({ servers, onSelect }: { servers: ServerSummary[]; onSelect(server: ServerSummary): void }) {
  return (
    <div className="servers-scroll">
      <table className="servers-table" aria-label="Servers">
        <thead>
          <tr>
            <th scope="col">Server</th>
            <th scope="col">Links</th>
            <th scope="col">Authentication in use</th>
            <th scope="col">Worst finding</th>
            <th scope="col">OAuth 2.0 ready</th>
            <th scope="col">Migrations</th>
          </tr>
        </thead>
        <tbody>
          {servers.map((server) => {
            const ready = server.readiness.eligible;
            const { open, done } = server.migrations;
            return (
              <tr key={server.url} data-server={server.url}>
                <th scope="row">
                  <button type="button" className="link-button server-name" onClick={() => onSelect(server)}
                    aria-label={`${server.url}: show its ${server.links} links in the inventory`}>{server.url}</button>
                  <span className="server-headline">{serverHeadline(server)}</span>
                </th>
                <td className="num">{server.links}</td>
                <td>
                  <ul className="auth-counts">
                    {authParts(server).map((part) => (
                      <li key={part.kind} className={`auth-count auth-${part.kind}`}><strong>{part.count}</strong> {part.label}</li>
                    ))}
                    {authParts(server).length === 0 && <li className="muted">Not recorded</li>}
                  </ul>
                </td>
                <td><SeverityBadge severity={server.worstSeverity} /></td>
                <td>
                  <span className="readiness-text">{ready} of {server.links}</span>
                  <span className="meter" aria-hidden="true"><span style={{ width: `${(ready / server.links) * 100}%` }} /></span>
                </td>
                <td>{open + done === 0 ? <span className="muted">None needed</span> : <>{done} of {open + done} done</>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
