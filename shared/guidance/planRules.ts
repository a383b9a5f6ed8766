import type { Product } from '../model/vocabulary.ts';

/** The checks the Plan view makes on the order of migration waves (docs/plan.md). Ids are stable: reports and the CLI cite them. */
export const PLAN_RULES = {
  PLAN01: { title: 'An end must be upgraded (or moved to HTTPS) before this link can move to OAuth 2.0', sources: ['S27', 'seed', 'S31', 'S33'] },
  PLAN02: { title: 'A finding blocks every migration of this link until it is fixed', sources: ['S21'] },
  PLAN03: { title: 'A question that decides the target is unanswered', sources: [] },
  PLAN04: { title: 'A product is planned before the directory server it depends on', sources: ['S5', 'S24', 'S27'] },
  PLAN05: { title: 'The planned window has passed and the migration is not finished', sources: [] },
  PLAN06: { title: 'No one owns any link of this wave', sources: [] },
} as const satisfies Record<string, { title: string; sources: string[] }>;
export type PlanRuleId = keyof typeof PLAN_RULES;

/**
 * Servers other products depend on for their users: Crowd is the shared user directory behind
 * "same user base" (domain §3.4, S5), rejects Trusted Apps from 2.11 (S24, R06) and has its own OAuth 2.0
 * threshold (domain §11.1, S27). A product's links are migrated after its link to the directory. [INFERRED]
 */
export const DIRECTORY_PRODUCTS: readonly Product[] = ['crowd'];
