/** The five ways to update a Trusted Apps / Basic link to OAuth (domain §7). */
export interface UpdatePath {
  path: 1 | 2 | 3 | 4 | 5;
  name: string;
  /** Atlassian's `error.type` for this path. */
  errorType: 'LEGACY_UPDATE' | 'MANUAL_LEGACY_UPDATE' | 'LEGACY_REMOVAL' | 'MANUAL_LEGACY_REMOVAL' | 'MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT';
  summary: string;
  sources: string[];
}

export const UPDATE_PATHS: Readonly<Record<UpdatePath['path'], UpdatePath>> = {
  1: { path: 1, name: 'Auto update (recommended)', errorType: 'LEGACY_UPDATE',
    summary: 'Trusted Apps or Basic, no OAuth yet, and you are system administrator on the remote: Applinks adds OAuth to both ends, verifies it, then disables the legacy types.',
    sources: ['S18', 'CODE-StatusValidation'] },
  2: { path: 2, name: 'Manual update', errorType: 'MANUAL_LEGACY_UPDATE',
    summary: 'Trusted Apps or Basic, no OAuth yet, and you are not system administrator on the remote: edit both ends by hand.',
    sources: ['S18', 'S19'] },
  3: { path: 3, name: 'Auto remove deprecated', errorType: 'LEGACY_REMOVAL',
    summary: 'Trusted Apps or Basic beside OAuth, and you are system administrator on the remote (or only a local outgoing Basic remains): Applinks removes the deprecated types.',
    sources: ['S18', 'CODE-StatusValidation'] },
  4: { path: 4, name: 'Manually remove deprecated (newer plugin versions)', errorType: 'MANUAL_LEGACY_REMOVAL',
    summary: 'Trusted Apps or Basic beside OAuth, and you are not system administrator on the remote: remove the deprecated types by hand on both ends.',
    sources: ['S18'] },
  5: { path: 5, name: 'Manually remove deprecated (older plugin versions)', errorType: 'MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT',
    summary: 'Incoming Trusted Apps (no Basic) beside OAuth, and the remote Application Links is older than 5.2 and lacks the migration API: remove it with the old edit screens.',
    sources: ['S18', 'CODE-StatusValidation'] },
};

/** Remote Applinks below this lacks the migration API (path 5). [INFERRED] from the 5.2 update flow. */
export const MIGRATION_API_FROM = '5.2';

export { CHECKLIST_IDS, type ChecklistId } from '../model/vocabulary.ts';
