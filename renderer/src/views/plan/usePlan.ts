import { useMemo } from 'react';
import { localDay } from '../../../../shared/engine/triage.ts';
import { planWaves, type MigrationPlan } from '../../../../shared/engine/waves.ts';
import { verdictOf } from '../../state/verdicts.ts';
import { useWorkspace } from '../../state/workspace.ts';

/** The workspace's migration plan as of today (the local day), recomputed when a link or its checklists change. */
export function usePlan(): MigrationPlan {
  const documents = useWorkspace((s) => s.documents);
  const today = localDay(new Date());
  return useMemo(() => planWaves(documents.map((document) => ({ document, verdict: verdictOf(document.link) })), today), [documents, today]);
}
