import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/features/reports/reports.ts';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { checklistsFor, summariseVerdict } from '../../../shared/engine/checklist.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { ChecklistState } from '../../../shared/model/checklistState.ts';
import { parseInventory } from '../../../shared/model/inventory.ts';
import { buildReport } from '../../../shared/present/report/reportModel.ts';
import { arbitraryLink } from '../../fixtures/arbitraryLink.ts';

const AT = '2026-11-30T10:00:00.000Z';
const doc = (link: AssessmentDocument['link']): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT });
const META = { title: 'Estate report', author: 'A. Admin', generatedAt: AT, appVersion: '0.1.0', classification: null, includeChecklists: false };

async function demo(): Promise<AssessmentDocument[]> {
  const inventory = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!inventory.ok) throw new Error('demo estate invalid');
  return inventory.value.links.map(doc);
}

/** Closes every checklist the engine offers on every `every`-th link, as a finished migration would. */
function closeSome(documents: AssessmentDocument[], every: number): AssessmentDocument[] {
  return documents.map((d, i) => {
    if (i % every) return d;
    const verdict = assessLink(d.link);
    const closed: ChecklistState = { items: {}, closed: { at: AT, previousConfig: { local: d.link.config.local }, before: summariseVerdict(verdict), after: summariseVerdict(verdict) } };
    return { ...d, checklists: Object.fromEntries(checklistsFor(d.link, verdict).map((v) => [v.id, closed])) };
  });
}

/** What the engine says, link by link: the figures `assess` and the inventory's Checklist column show. */
function engineCounts(documents: AssessmentDocument[]) {
  let open = 0, done = 0, planned = 0;
  for (const d of documents) {
    const views = checklistsFor(d.link, assessLink(d.link));
    const applicable = views.filter((v) => v.locked === null);
    if (applicable.length === 0) planned += views.length ? 1 : 0;
    else if (applicable.every((v) => d.checklists?.[v.id]?.closed)) done++;
    else open++;
  }
  return { migrationsOpen: open, migrationsDone: done, migrationsPlanned: planned, withApplicableChecklist: open + done };
}

function expectAgree(documents: AssessmentDocument[]) {
  const report = buildReport(documents, META);
  const engine = engineCounts(documents);
  const { migrationsOpen, migrationsDone, migrationsPlanned } = report.summary;
  expect(migrationsOpen + migrationsDone, 'open + done = links with an applicable (unlocked) checklist').toBe(engine.withApplicableChecklist);
  expect({ migrationsOpen, migrationsDone, migrationsPlanned }).toEqual({ migrationsOpen: engine.migrationsOpen, migrationsDone: engine.migrationsDone, migrationsPlanned: engine.migrationsPlanned });
  const json = JSON.parse(renderReport(report, 'json'));
  expect(json.summary).toMatchObject({ migrationsOpen, migrationsDone, migrationsPlanned });
  const sentence = `${migrationsOpen} open, ${migrationsDone} done; ${migrationsPlanned} planned, blocked.`;
  expect(renderReport(report, 'html')).toContain(sentence);
  expect(renderReport(report, 'md')).toContain(sentence);
  return engine;
}

describe('report counts agree with the engine', () => {
  it('the demo estate: a locked checklist is planned, not an open migration', async () => {
    const documents = await demo();
    const engine = expectAgree(documents);
    expect(engine.migrationsPlanned, 'the demo estate has locked checklists, so the rule is exercised').toBeGreaterThan(0);
    expect(engine.withApplicableChecklist).toBeGreaterThan(0);
    expectAgree(closeSome(documents, 3));
  });

  it('random links, some with their checklists closed', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const documents = fc.sample(arbitraryLink, { seed, numRuns: 60 }).map((link, i) => doc({ ...link, id: `l${i}` }));
      expectAgree(closeSome(documents, 1 + (seed % 4)));
    }
  });
});
