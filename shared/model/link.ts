import { z } from 'zod';

import { AUTH_TOKENS, DAY_PATTERN, ERROR_TYPES, FEATURES, LINK_ID_PATTERN, PRODUCTS, RULE_ID_PATTERN, TRIAGE_NEEDS_REASON, TRIAGE_STATUSES, VERSION_PATTERN } from './vocabulary.ts';

export * from './vocabulary.ts';

const version = z.string().regex(VERSION_PATTERN, 'expected a version such as 9.12.4');
const baseUrl = z
  .string()
  .max(2048)
  .refine((value) => /^https?:\/\/[^\s/?#]+/i.test(value), 'expected an http:// or https:// URL');

export const endSchema = z.object({
  product: z.enum(PRODUCTS),
  version: version.optional(),
  applinksVersion: version.optional(),
  baseUrl: baseUrl.optional(),
  /** An Atlassian application old enough to lack Application Links ("legacy mode", domain §1). */
  legacyMode: z.boolean().optional(),
});
export type LinkEnd = z.infer<typeof endSchema>;

const tokens = z.array(z.enum(AUTH_TOKENS)).max(AUTH_TOKENS.length);
export const directionsSchema = z.object({ outgoing: tokens, incoming: tokens });
export type Directions = z.infer<typeof directionsSchema>;

const answer = z.boolean().nullable().default(null);
export const answersSchema = z.object({
  mutualTrust: answer,
  sharedUserBase: answer,
  adminOnRemote: answer,
  sysadminOnRemote: answer,
});
export type Answers = z.infer<typeof answersSchema>;

export const statusSchema = z.object({
  errorType: z.enum(ERROR_TYPES).optional(),
  working: z.boolean().optional(),
});

/** Facts seen on the servers that some rules need (R08, R15, R17–R19, R30). All optional. */
export const observationsSchema = z.object({
  taIpPatterns: z.string().max(4096).optional(),
  clusteredOrProxied: z.boolean().optional(),
  certificateTooOld: z.boolean().optional(),
  usersRepeatedlyPrompted: z.boolean().optional(),
  autoMigratedFromTrustedApps: z.boolean().optional(),
  twoLoExecutingUser: z.string().max(255).optional(),
  oauth2IncomingScopes: z.array(z.string().max(64)).max(32).optional(),
  /** Authentication provider classes an import found that this app does not know ("other:<class>"). */
  otherProviders: z.array(z.string().max(300)).max(20).optional(),
});
export type Observations = z.infer<typeof observationsSchema>;

const day = z.string().regex(DAY_PATTERN, 'expected a date as YYYY-MM-DD');

/** A reviewer's decision on one finding (issue 17). `due` is the review or expiry day: after it the finding counts as open again. */
export const triageDecisionSchema = z
  .object({
    status: z.enum(TRIAGE_STATUSES),
    reason: z.string().trim().max(2000).optional(),
    owner: z.string().trim().max(100).optional(),
    due: day.optional(),
    /** When the decision was recorded, and by whom (the operator name from preferences). */
    at: z.iso.datetime().optional(),
    by: z.string().max(100).optional(),
  })
  .refine((d) => !TRIAGE_NEEDS_REASON.includes(d.status) || (d.reason ?? '').length > 0, { message: 'expected a reason: accepted-risk and false-positive must say why', path: ['reason'] });
export type TriageDecision = z.infer<typeof triageDecisionSchema>;

/** Where a link stands in the migration plan: who does it, under which change ticket, in which window. */
export const planSchema = z.object({
  owner: z.string().trim().max(100).optional(),
  ticket: z.string().trim().max(100).optional(),
  window: day.optional(),
});
export type LinkPlan = z.infer<typeof planSchema>;

/** Rule ids are R00–R99: no link has more decisions than that. */
const MAX_TRIAGE_ENTRIES = 100;

// Checked before the record, which makes one issue per bad key: a hostile file with 400,000 keys made zod gather
// 400,000 issues and overflow the stack. Too many entries are one issue instead.
function atMostOneDecisionPerRule(value: unknown, ctx: { issues: z.core.$ZodRawIssue[] }): unknown {
  if (value !== null && typeof value === 'object' && Object.keys(value).length > MAX_TRIAGE_ENTRIES) {
    ctx.issues.push({ code: 'custom', message: `expected at most ${MAX_TRIAGE_ENTRIES} decisions, one per rule id (R00–R99)`, input: value });
  }
  return value;
}

export const linkSchema = z.object({
  id: z.string().regex(LINK_ID_PATTERN, 'expected letters, digits, dot, dash or underscore (at most 128)'),
  name: z.string().min(1, 'expected a name').max(200),
  local: endSchema,
  remote: endSchema,
  config: z.object({ local: directionsSchema, remote: directionsSchema.optional() }),
  answers: answersSchema.default({ mutualTrust: null, sharedUserBase: null, adminOnRemote: null, sysadminOnRemote: null }),
  status: statusSchema.optional(),
  system: z.boolean().optional(),
  features: z.array(z.enum(FEATURES)).max(FEATURES.length).optional(),
  observations: observationsSchema.optional(),
  notes: z.string().max(20000).optional(),
  /** Triage of this link's findings, by rule id. A rule that no longer fires keeps its decision (it may fire again). */
  triage: z.preprocess(atMostOneDecisionPerRule, z.record(z.string().regex(RULE_ID_PATTERN), triageDecisionSchema, { error: (issue) => (issue.code === 'invalid_key' ? 'expected a rule id such as R07 as the key' : undefined) })).optional(),
  plan: planSchema.optional(),
});
/** One application link described from its local end. */
export type Link = z.infer<typeof linkSchema>;
export type LinkInput = z.input<typeof linkSchema>;

/** A link with nothing known yet but its name: what "Add link" creates. */
export function blankLink(id: string, name: string): Link {
  return {
    id,
    name,
    local: { product: 'jira' },
    remote: { product: 'confluence' },
    config: { local: { outgoing: [], incoming: [] } },
    answers: { mutualTrust: null, sharedUserBase: null, adminOnRemote: null, sysadminOnRemote: null },
  };
}
