import type { Link } from '../model/link.ts';
import type { EndFacts, LinkFacts } from './linkFacts.ts';
import { MIGRATION_API_FROM, type UpdatePath } from '../guidance/updatePaths.ts';
import { compareVersions } from './version.ts';

/**
 * The path Atlassian's status check names for one end (domain §6.2 and §7, DefaultApplinkStatusValidationService):
 * it looks at that end's own configuration, not at both ends together (issue 15 point 7).
 */
function pathForEnd(end: EndFacts, sysadmin: boolean, otherApplinksVersion: string | undefined): UpdatePath['path'] | null {
  if (!end.legacy) return null;
  if (!end.oauth) return sysadmin ? 1 : 2;
  if (sysadmin) return 3;
  // LEGACY_REMOVAL is also raised without sysadmin when only outgoing Basic remains on this end: removing
  // it touches this end only.
  const onlyOutgoingBasic = end.outgoing.basic && !end.outgoing.trustedApps && !end.incoming.trustedApps && !end.incoming.basic;
  if (onlyOutgoingBasic) return 3;
  const oldOther = otherApplinksVersion !== undefined && compareVersions(otherApplinksVersion, MIGRATION_API_FROM) < 0;
  if (end.incoming.trustedApps && !end.incoming.basic && !end.outgoing.basic && oldOther) return 5;
  return 4;
}

/**
 * Picks the legacy update path 1–5. A legacy status code is Atlassian's own answer and wins; otherwise
 * the local end's configuration decides, or, when only the remote end carries Trusted Apps or Basic, the
 * remote end's (its own status check would name the path). Null when nothing is legacy, and when the local
 * end runs Applinks older than 5.2, which has no update flow (issue 15 point 8).
 * An unanswered "sysadmin on remote" counts as no, except that LEGACY_UPDATE is only raised for a
 * system administrator of the remote, so that status answers it.
 */
export function chooseUpdatePath(link: Link, facts: LinkFacts): UpdatePath['path'] | null {
  if (facts.legacyStatusPath !== null) return facts.legacyStatusPath;
  if (!facts.legacy || facts.localApplinks52 === false) return null;
  const sysadmin = link.answers.sysadminOnRemote === true;
  const local = pathForEnd(facts.local, sysadmin, link.remote.applinksVersion);
  if (local !== null) return local;
  return facts.remote ? pathForEnd(facts.remote, sysadmin, link.local.applinksVersion) : null;
}
