import { z } from 'zod';
import { CHECKLIST_IDS, RECOMMENDATIONS, SEVERITIES, TRIAGE_STATUSES } from './vocabulary.ts';
import { itemStateSchema, verdictSummarySchema } from './checklistState.ts';
import { directionsSchema, linkSchema, triageDecisionSchema } from './link.ts';

const count = z.array(z.tuple([z.string(), z.number().int()]));

/** The JSON report (`report --format json`), version 1: what other tools may rely on. */
export const reportJsonSchema = z.object({
  format: z.literal('applink-advisor.report'),
  version: z.literal(1),
  meta: z.object({
    title: z.string(), author: z.string().nullable(), generatedAt: z.iso.datetime(), appVersion: z.string(),
    classification: z.string().nullable(), includeChecklists: z.boolean(),
    /** The report carries an Ed25519 signature of its digest (in `integrity`). */
    signed: z.boolean().optional(),
  }),
  summary: z.object({
    total: z.number().int(), byRecommendation: count, bySeverity: count, byReadiness: count,
    /** Links with an applicable (unlocked) checklist not yet closed, and those with all of them closed. */
    migrationsOpen: z.number().int(), migrationsDone: z.number().int(),
    /** Links whose only checklists are locked: planned, blocked (written since the bibliography; optional for older reports). */
    migrationsPlanned: z.number().int().optional(),
  }),
  links: z.array(z.object({
    id: z.string(), name: z.string(),
    recommended: z.enum(RECOMMENDATIONS),
    sentence: z.string().nullable(),
    settings: z.object({ local: directionsSchema, remote: directionsSchema.nullable() }).nullable(),
    path: z.array(z.string()), pendingQuestion: z.string().nullable(), documentedPath: z.array(z.string()),
    findings: z.array(z.object({
      rule: z.string(), code: z.string(), severity: z.enum(SEVERITIES), primary: z.boolean(), title: z.string(), message: z.string(), remedy: z.string(), sources: z.array(z.string()),
      /** The finding's triage on the report's day: the status in force, the recorded decision (kept when expired) and whether it expired. Optional for reports written before triage. */
      triage: z.object({ status: z.enum(TRIAGE_STATUSES), decision: triageDecisionSchema.nullable(), expired: z.boolean() }).optional(),
    })),
    worstSeverity: z.enum(SEVERITIES).nullable(),
    updatePath: z.number().int().min(1).max(5).nullable(),
    oauth2: z.object({ status: z.enum(['eligible', 'unconfirmed', 'not-eligible']), blockers: z.array(z.object({ end: z.string(), code: z.string(), message: z.string() })) }),
    checklists: z.array(z.object({ id: z.enum(CHECKLIST_IDS), done: z.number().int(), required: z.number().int(), closed: z.boolean(), locked: z.object({ reason: z.string(), sources: z.array(z.string()) }).nullable().optional(), items: z.record(z.string(), itemStateSchema).optional() })),
    link: linkSchema,
    revision: z.number().int(),
    updatedAt: z.iso.datetime(),
    history: z.array(z.object({ revision: z.number().int(), savedAt: z.iso.datetime(), event: z.string().nullable(), fields: z.array(z.string()) })),
  }).strict()),
  changes: z.object({
    label: z.string(),
    rows: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['new', 'removed', 'remediated', 'regressed', 'changed', 'unchanged']), before: verdictSummarySchema.nullable(), after: verdictSummarySchema.nullable(), fields: z.array(z.string()) })),
  }).nullable(),
  /**
   * The bibliography: every id a finding, checklist or flowchart path in this report cites, explained.
   * `url` is text to copy, never opened. Optional only so that reports written before it still validate.
   */
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string().optional(), kind: z.enum(['doc', 'code', 'third-party', 'question', 'domain']) }).strict()).optional(),
  /**
   * `applink-advisor-sha256:<hex>`: the SHA-256 of the file with these 64 digits set to zero; when
   * signed, followed by ` applink-advisor-ed25519:<hex>`, the signature of that digest (also zeroed while hashing).
   */
  integrity: z.string().regex(/^applink-advisor-sha256:[0-9a-f]{64}( applink-advisor-ed25519:[0-9a-f]{128})?$/),
}).strict();

/** The JSON Schema of the JSON report, derived from the runtime schema so the two cannot drift. */
export function reportJsonSchemaDocument(): Record<string, unknown> {
  return {
    $id: 'https://applink-advisor.invalid/schemas/report-v1.schema.json',
    title: 'Applink Advisor report (version 1)',
    ...z.toJSONSchema(reportJsonSchema, { io: 'output' }),
  };
}
