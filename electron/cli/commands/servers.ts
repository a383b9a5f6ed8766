import { parseArgs } from 'node:util';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { summariseServers } from '../../../shared/engine/servers.ts';
import { productName } from '../../../shared/engine/oauth2Readiness.ts';
import { oneLine } from '../../../shared/present/terminalText.ts';
import { WorkspaceStore } from '../../workspace/store.ts';
import { formatFlag, textTable, workspaceFolder, type CliIo } from '../args.ts';

/** `servers`: the estate by server (base URL host), as the Servers view will show it (#17). */
export async function serversCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, format: { type: 'string', default: 'table' } } });
  const format = formatFlag(values.format, ['json', 'table']);
  const store = new WorkspaceStore(workspaceFolder(values.workspace, 'read'));
  const { documents } = await store.list();
  const servers = summariseServers(documents.map((document) => ({ document, verdict: assessLink(document.link) })));
  if (format === 'json') {
    io.out(`${JSON.stringify({ servers }, null, 2)}\n`);
    return 0;
  }
  if (servers.length === 0) {
    io.out(`No links in ${oneLine(store.root)}.\n`);
    return 0;
  }
  io.out(textTable(
    ['SERVER', 'PRODUCT', 'VERSION', 'LINKS', 'TRUSTED APPS', 'BASIC', 'OAUTH', 'OAUTH 2.0', 'NONE', 'WORST', 'OAUTH 2.0 READY', 'MIGRATIONS OPEN/DONE'],
    servers.map((s) => [
      oneLine(s.url), productName(s.product), s.version ?? '-', String(s.links), String(s.auth.trustedApps), String(s.auth.basic), String(s.auth.oauth),
      String(s.auth.oauth2), String(s.auth.none), s.worstSeverity ?? '-', `${s.readiness.eligible}/${s.links}`, `${s.migrations.open}/${s.migrations.done}`,
    ]),
  ));
  return 0;
}
