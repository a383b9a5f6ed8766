import type { Link } from '../model/link.ts';
import type { LinkFacts } from './linkFacts.ts';
import { MIGRATION_API_FROM, type UpdatePath } from '../guidance/updatePaths.ts';
import { compareVersions } from './version.ts';

/**
 * Picks the legacy update path 1–5 (domain §7 table and DefaultApplinkStatusValidationService).
 * Null when neither end uses Trusted Apps or Basic. An unanswered "sysadmin on remote" counts as no:
 * the automatic paths need it confirmed.
 */
export function chooseUpdatePath(link: Link, facts: LinkFacts): UpdatePath['path'] | null {
  if (!facts.usesTrustedApps && !facts.usesBasic) return null;
  const oauthPresent = facts.usesOAuth1 || facts.usesOAuth2;
  const sysadmin = link.answers.sysadminOnRemote === true;
  if (!oauthPresent) return sysadmin ? 1 : 2;
  if (sysadmin) return 3;
  const legacyDirections = facts.directions.filter((d) => d.trustedApps || d.basic);
  const onlyLocalOutgoingBasic =
    legacyDirections.length === 1 && facts.local.outgoing.basic && !facts.local.outgoing.trustedApps;
  if (onlyLocalOutgoingBasic) return 3;
  const remoteApplinks = link.remote.applinksVersion;
  const oldRemote = remoteApplinks !== undefined && compareVersions(remoteApplinks, MIGRATION_API_FROM) < 0;
  if (facts.local.incoming.trustedApps && !facts.usesBasic && oldRemote) return 5;
  return 4;
}
