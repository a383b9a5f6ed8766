import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { checklistsFor } from '../../../shared/engine/checklist.ts';
import { parseInventory } from '../../../shared/model/inventory.ts';
import { checklistJiraWiki } from '../../../shared/present/checklistDocument.ts';
import { makeLink } from '../../fixtures/links.ts';

// #18: Jira and Confluence Data Center render wiki markup, not Markdown.
async function demoLink(id: string) {
  const inventory = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!inventory.ok) throw new Error('demo estate');
  return inventory.value.links.find((l) => l.id === id)!;
}

describe('checklist as Jira wiki markup', () => {
  it('has a heading, a facts table, section headings and one bullet per item with its status icon and id', async () => {
    const link = await demoLink('jira-wiki');
    const [view] = checklistsFor(link, assessLink(link));
    const first = view!.sections.find((s) => s.items.length)!.items[0]!;
    const text = checklistJiraWiki(link, view!, { items: { [first.id]: { status: 'done', evidence: 'status {noformat} here' } } }, '2026-12-03T05:00:00.000Z');
    expect(text).toMatch(/^h1\. .+: Jira ↔ Wiki \(Confluence\)\n/);
    expect(text).toMatch(/^\|\|Link\|Jira ↔ Wiki \(Confluence\) \(jira\\-wiki\)\|$/m);
    expect(text).toMatch(/^h2\. (Prerequisites|Steps)$/m);
    expect(text).toContain(`* (/) {{${first.id}}}`);
    expect(text).toMatch(/^\* ☐ \{\{[a-z0-9-]+\}\} /m);
    // Evidence cannot close the block early.
    expect(text.match(/\{noformat\}/g)).toHaveLength(2);
    expect(text).not.toMatch(/\*\*[A-Z][a-z ]+:\*\*/); // no Markdown bold keys
    expect(text).toMatch(/^\*\* _/m); // item details as second-level bullets
    expect(text).not.toMatch(/^#+ /m);
  });

  it('escapes what would become markup in names and notes, and keeps each value on one line', () => {
    const link = makeLink({ id: 'x', name: 'Evil *bold* [link|http://x] {code}\nh1. forged', config: { local: { outgoing: ['trustedApps'], incoming: ['trustedApps'] } } });
    const [view] = checklistsFor(link, assessLink(link));
    const text = checklistJiraWiki(link, view!, { items: {} }, 'now');
    expect(text).toContain('Evil \\*bold\\* \\[link\\|http://x\\] \\{code\\} h1. forged');
    expect(text).not.toMatch(/^h1\. forged/m);
  });
});
