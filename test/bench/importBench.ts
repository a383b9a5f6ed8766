import { assessLink } from '../../shared/engine/assessLink.ts';
import { buildImport, type ImportFile } from '../../shared/import/buildImport.ts';
import { planImport } from '../../shared/import/importPlan.ts';
import { medianMs, round, type Figure } from './figures.ts';

const API = 'com.atlassian.applinks.api.auth.types.';
const TYPES = ['confluence', 'stash', 'bamboo', 'jira', 'fecru', 'crowd'];
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const uuid = (n: number) => `${hex(n, 8)}-0000-3000-8000-${hex(n * 7919, 12)}`;

/**
 * One Jira's export of 5,000 links, as the issue asks: its manifest, listApplicationlinks with a mix
 * of providers, and a status answer for every tenth link.
 */
export function largeExport(size = 5_000): ImportFile[] {
  const providers = [
    [`${API}TrustedAppsAuthenticationProvider`, `${API}OAuthAuthenticationProvider`],
    [`${API}OAuthAuthenticationProvider`, `${API}TwoLeggedOAuthAuthenticationProvider`],
    [`${API}BasicAuthenticationProvider`],
    [`${API}OAuthAuthenticationProvider`, `${API}TwoLeggedOAuthAuthenticationProvider`, `${API}TwoLeggedOAuthWithImpersonationAuthenticationProvider`],
  ];
  const list = Array.from({ length: size }, (_, i) => ({
    application: { id: uuid(i + 1), typeId: TYPES[i % TYPES.length], name: `Server ${i}`, displayUrl: `https://server-${i}.corp.example`, rpcUrl: `http://server-${i}.internal:8080`, isPrimary: i % 3 === 0 },
    configuredOutboundAuthenticators: providers[i % providers.length],
    configuredInboundAuthenticators: providers[(i + 1) % providers.length],
    hasIncomingAuthenticationProviders: true, hasOutgoingAuthenticationProviders: true, webItems: [], webPanels: [], isSystem: false,
  }));
  const files: ImportFile[] = [
    { name: 'jira.manifest.json', group: 'jira', text: JSON.stringify({ id: uuid(0), name: 'Big Jira', typeId: 'jira', version: '9.12.4', applinksVersion: '9.1.2', url: 'https://jira.corp.example' }) },
    { name: 'jira.listApplicationlinks.json', group: 'jira', text: JSON.stringify({ list }, null, 2) },
  ];
  for (let i = 0; i < size; i += 10) {
    files.push({
      name: `jira.status.${uuid(i + 1)}.json`, group: 'jira',
      text: JSON.stringify({ link: { id: uuid(i + 1), name: `Server ${i}`, displayUrl: `https://server-${i}.corp.example`, type: TYPES[i % TYPES.length] }, working: i % 20 !== 0, error: i % 20 === 0 ? { category: 'CONFIG_ERROR', type: 'AUTH_LEVEL_MISMATCH' } : null }),
    });
  }
  return files;
}

/** Issue 7: import (parse, normalise, reconcile, assess) an export of 5,000 links in ≤ 500 ms. */
export async function importBench(): Promise<Figure[]> {
  const files = largeExport();
  const time = await medianMs(7, () => {
    const result = buildImport(files);
    if (result.problems.length || result.links.length !== 5_000) throw new Error(`bench import went wrong: ${result.links.length} links, ${result.problems[0]?.message}`);
    const rows = planImport(result.links, []);
    for (const row of rows) assessLink(row.link);
  }, 2);
  return [{ name: 'import: parse, normalise, reconcile and assess an export of 5,000 links (median of 7)', value: round(time, 0), unit: 'ms', budget: 500 }];
}
