import { z } from 'zod';

/** Products that can be linked (domain §10). `jsm` is kept apart from `jira` for version thresholds. */
export const PRODUCTS = ['jira', 'jsm', 'confluence', 'bitbucket', 'bamboo', 'crowd', 'fecru', 'generic'] as const;
export type Product = (typeof PRODUCTS)[number];

/** Authentication tokens a direction can carry (inventory format, issue 3). */
export const AUTH_TOKENS = ['trustedApps', 'basic', 'oauth3lo', 'oauth2lo', 'oauth2loi', 'oauth2'] as const;
export type AuthToken = (typeof AUTH_TOKENS)[number];

/** Answers to the flowchart's questions that only the administrator can give. */
export const ANSWER_KEYS = ['mutualTrust', 'sharedUserBase', 'adminOnRemote', 'sysadminOnRemote'] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

/** Atlassian `error.type` values of the status REST resource (domain §6.2). */
export const ERROR_TYPES = [
  'UNKNOWN', 'NO_OUTGOING_AUTH', 'REMOTE_VERSION_INCOMPATIBLE', 'GENERIC_LINK', 'NON_ATLASSIAN', 'SYSTEM_LINK',
  'CONNECTION_REFUSED', 'UNKNOWN_HOST', 'SSL_UNTRUSTED', 'SSL_HOSTNAME_UNMATCHED', 'SSL_UNMATCHED',
  'OAUTH_PROBLEM', 'OAUTH_TIMESTAMP_REFUSED', 'OAUTH_SIGNATURE_INVALID', 'UNEXPECTED_RESPONSE',
  'UNEXPECTED_RESPONSE_STATUS', 'LOCAL_AUTH_TOKEN_REQUIRED', 'REMOTE_AUTH_TOKEN_REQUIRED',
  'INSUFFICIENT_REMOTE_PERMISSION', 'NO_REMOTE_APPLINK', 'AUTH_LEVEL_MISMATCH', 'AUTH_LEVEL_UNSUPPORTED',
  'LEGACY_UPDATE', 'LEGACY_REMOVAL', 'MANUAL_LEGACY_UPDATE', 'MANUAL_LEGACY_REMOVAL',
  'MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT', 'DISABLED',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

/** Features that depend on a particular authentication (rules R13, R14). */
export const FEATURES = ['devPanel', 'gadgets', 'jiraIssuesMacro', 'other'] as const;

export const LINK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const VERSION_PATTERN = /^\d+(\.\d+){0,3}(-[0-9A-Za-z.]+)?$/;

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
});
export type Observations = z.infer<typeof observationsSchema>;

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
