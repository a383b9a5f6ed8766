import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { planWaves } from '../../../shared/engine/waves.ts';
import type { Link } from '../../../shared/model/link.ts';
import { ganttText, planGanttSource, GANTT_LINKS_PER_WAVE } from '../../../shared/present/planGantt.ts';
import { planHtml, planMarkdown } from '../../../shared/present/planDocument.ts';
import { makeLink, mirrored, TA } from '../../fixtures/links.ts';

const AT = '2026-12-03T00:00:00.000Z';
const planOf = (links: Link[]) => planWaves(links.map((link) => ({ document: { schemaVersion: 3 as const, revision: 1, link, createdAt: AT, updatedAt: AT }, verdict: assessLink(link) })), '2026-12-03');
const HOSTILE = 'Jira: prod #1; click x\nsection Evil\n%% comment `fence` <b>&amp;</b> ﬂ°°58¶ß';

// Undo what Mermaid does with entity codes (#58; → ':'), to read a gantt line as it will be drawn.
// What Mermaid's parser sees: it swaps every entity code for a placeholder before parsing (encodeEntities).
const parsed = (text: string) => text.replace(/#\w+;/g, '\uFB02');
const drawn = (text: string) => text.replace(/#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)));

describe('the plan as a Mermaid gantt', () => {
  it('turns every character the gantt grammar reads (":", "#", ";", "%", line breaks, backticks) into an entity, and the first one always', () => {
    const text = ganttText(HOSTILE);
    expect(parsed(text)).not.toMatch(/[:;#%`\n\r<>&]/);
    // Mermaid's own placeholder characters are escaped too, so a name cannot smuggle one in.
    expect(text).not.toMatch(/[ﬂ°¶ß]/);
    expect(text.startsWith('#74;')).toBe(true);
    expect(drawn(text)).toBe(HOSTILE.replace(/\n/g, ' '));
    expect(ganttText('section 5')).toBe('#115;ection 5');
  });

  it('draws one section per dated wave and one line per link, each line a single task that a hostile name cannot break', () => {
    const plan = planOf([
      makeLink({ id: 'a', name: HOSTILE, config: mirrored(TA), plan: { window: '2027-01-15', owner: 'Ops; #2' } }),
      makeLink({ id: 'b', name: 'Plain', config: mirrored(TA), plan: { window: '2027-03-01' } }),
      makeLink({ id: 'c', name: 'Unscheduled one', config: mirrored(TA) }),
    ]);
    const source = planGanttSource(plan);
    const lines = source.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^%%\{init: \{"gantt": \{"leftPadding": \d+/);
    expect(lines.slice(1, 6)).toEqual(['gantt', '  title #77;igration waves', '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d', '  todayMarker off']);
    const sections = lines.filter((l) => l.startsWith('  section '));
    expect(sections.map((l) => drawn(l))).toEqual(['  section Wave 2027-01-15 (1 link)', '  section Wave 2027-03-01 (1 link)']);
    const tasks = lines.filter((l) => !l.startsWith('  section ') && lines.indexOf(l) >= 6);
    expect(tasks).toHaveLength(2);
    for (const task of tasks) expect(parsed(task)).toMatch(/^ {2}[^:;#\n%]+:(active, |done, )?(crit, )?t\d+, \d{4}-\d{2}-\d{2}, 1d$/);
    expect(drawn(tasks[0]!.split(':')[0]!.trim())).toBe(`${HOSTILE.replace(/\n/g, ' ')} — Ops; #2`);
    expect(source).not.toContain('Unscheduled one');
  });

  it('draws at most a set number of links per wave and says how many more there are', () => {
    const links = Array.from({ length: GANTT_LINKS_PER_WAVE + 3 }, (_, i) => makeLink({ id: `l${i}`, name: `L${i}`, config: mirrored(TA), plan: { window: '2027-01-15' } }));
    const source = planGanttSource(planOf(links));
    expect(source.split('\n').filter((l) => /:.*t\d+, /.test(l))).toHaveLength(GANTT_LINKS_PER_WAVE + 1);
    expect(drawn(source)).toContain('and 3 more');
  });

  it('exports Markdown with the gantt as a mermaid block and HTML that is self-contained and escapes every name', () => {
    const plan = planOf([makeLink({ id: 'a', name: HOSTILE, config: mirrored(TA), plan: { window: '2027-01-15', ticket: 'CHG-<1>' } })]);
    const md = planMarkdown(plan, AT);
    const block = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3) + 3);
    expect(block.split('\n').filter((l) => l.startsWith('```'))).toEqual(['```mermaid', '```']);
    expect(md).toContain('| Link | Owner | Change ticket | Migration | Required items |');
    expect(md).not.toContain('<b>');
    const html = planHtml(plan, AT);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<b>|src=|href=/i);
    expect(html).toContain('CHG-&lt;1&gt;');
    expect(planHtml(plan, AT, '<svg id="g"></svg>')).toContain('<figure class="gantt"><svg id="g"></svg></figure>');
  });
});
