import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseInventory } from '../../../shared/model/inventory.ts';
import { inventoryJsonSchema } from '../../../shared/model/inventoryJsonSchema.ts';
import { stableStringify } from '../../../shared/model/stableJson.ts';
import { compareVersions } from '../../../shared/engine/version.ts';

const issueExample = `{ "format": "applink-advisor.inventory", "version": 1,
  "links": [ {
    "id": "jira-wiki", "name": "Jira ↔ Wiki",
    "local":  { "product": "jira", "version": "9.12.4", "applinksVersion": "9.1.2", "baseUrl": "https://jira.example.com" },
    "remote": { "product": "confluence", "version": "8.5.4", "baseUrl": "https://wiki.example.com" },
    "config": { "local":  { "outgoing": ["trustedApps"], "incoming": ["trustedApps"] },
                "remote": { "outgoing": ["trustedApps"], "incoming": ["trustedApps"] } },
    "answers": { "mutualTrust": true, "sharedUserBase": true, "adminOnRemote": true, "sysadminOnRemote": true },
    "status": { "errorType": "LEGACY_UPDATE" },
    "system": false, "features": ["devPanel"] } ] }`;

describe('inventory file', () => {
  it('accepts the example of the issue', () => {
    const result = parseInventory(issueExample);
    expect(result.ok).toBe(true);
  });

  it('accepts a missing remote config (that end unknown) and null answers', () => {
    const text = issueExample.replace(/,\s*"remote": \{ "outgoing": \["trustedApps"\], "incoming": \["trustedApps"\] \}/, '').replace('"mutualTrust": true', '"mutualTrust": null');
    const result = parseInventory(text);
    expect(result.ok && result.value.links[0]?.config.remote).toBeUndefined();
    expect(result.ok && result.value.links[0]?.answers.mutualTrust).toBeNull();
  });

  it('reports every problem with its JSON path and what was expected', () => {
    const broken = JSON.parse(issueExample);
    broken.links.push({ ...broken.links[0], id: 'b', local: { product: 'sharepoint' } }, { ...broken.links[0], id: 'c', config: { local: { outgoing: ['kerberos'], incoming: [] } } });
    broken.links.push({ ...broken.links[0], remote: { product: 'jira', version: 'eleven' } });
    const result = parseInventory(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toContain('links[1].local.product: expected one of jira, jsm, confluence, bitbucket, bamboo, crowd, fecru, generic');
    expect(problems).toContain('links[2].config.local.outgoing[0]: expected one of trustedApps, basic, oauth3lo, oauth2lo, oauth2loi, oauth2');
    expect(problems).toContain('links[3].remote.version: expected a version such as 9.12.4');
  });

  it('names the line and column of a JSON syntax error', () => {
    const result = parseInventory('{\n  "format": "applink-advisor.inventory",\n  "links": [,]\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.path).toMatch(/^line 3, column \d+$/);
    expect(!result.ok && result.problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it('refuses duplicate link ids', () => {
    const doubled = JSON.parse(issueExample);
    doubled.links.push(doubled.links[0]);
    const result = parseInventory(JSON.stringify(doubled));
    expect(!result.ok && result.problems).toEqual([{ path: 'links[1].id', message: 'duplicate id "jira-wiki" (first used at links[0])' }]);
  });

  it('the demo estate in assets/ is a valid inventory', async () => {
    const result = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
    expect(result.ok).toBe(true);
  });

  it('the committed JSON Schema is the one derived from the runtime schema', async () => {
    const committed = await readFile('docs/schemas/inventory-v1.schema.json', 'utf8');
    expect(committed, 'run `npm run schemas` and commit the result').toBe(stableStringify(inventoryJsonSchema()));
  });
});

describe('version comparison', () => {
  it('compares numerically by component', () => {
    expect(compareVersions('11.10', '11.2')).toBe(1);
    expect(compareVersions('10.1', '10.1.0')).toBe(0);
    expect(compareVersions('9.12.4', '10.0')).toBe(-1);
    expect(compareVersions('10.3.1-m0002', '10.3.1')).toBe(0);
  });
});
