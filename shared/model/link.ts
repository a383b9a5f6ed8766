import { z } from 'zod';

import { AUTH_TOKENS, ERROR_TYPES, FEATURES, LINK_ID_PATTERN, PRODUCTS, VERSION_PATTERN } from './vocabulary.ts';

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
