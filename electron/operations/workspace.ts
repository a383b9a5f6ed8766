import { randomBytes } from 'node:crypto';
import { OPEN_FIRST_PAGE, OPEN_REST_PAGE, type Handlers } from '../../shared/contract/api.ts';
import { OperationError } from '../../shared/contract/operationError.ts';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import type { OperationContext } from './context.ts';

type WorkspaceOperations = Pick<Handlers, 'workspace.open' | 'workspace.openRest' | 'workspace.startEmpty' | 'workspace.chooseFolder' | 'workspace.switch' | 'workspace.changesSince'
  | 'backups.list' | 'backups.create' | 'backups.restore' | 'preferences.get' | 'preferences.set'>;

/** Opening and switching workspaces, their backups, and the user's preferences. */
export function workspaceOperations({ workspace, preferences, appVersion, seedLinks, chooseOpenPath, log, store, writable }: OperationContext): WorkspaceOperations {
  // The documents of the last opening not yet sent (workspace.openRest). The opening begun last keeps its
  // list (two may overlap); anything that changes the workspace as a whole drops it.
  let rest: { token: string; documents: AssessmentDocument[] } | null = null;
  let openings = 0;
  const dropRest = <T>(result: T): T => {
    openings++;
    rest = null;
    return result;
  };
  return {
    'workspace.open': async () => {
      const opening = ++openings;
      // Only the default workspace is seeded with the demo estate: a folder the user chose is theirs.
      const opened = await store().open(workspace.isDefault ? seedLinks() : [], appVersion);
      log.write({ event: 'workspace-opened', links: opened.documents.length, unreadable: opened.unreadable.length, migrated: opened.migrated, readOnly: store().readOnly !== null, isDefault: workspace.isDefault });
      // Planted journals and folders that are symbolic links are listed with the files that could not be opened.
      const refused = opened.refused.map(({ file, reason }) => ({ file, reason, kind: 'invalid' as const }));
      const readOnly = store().readOnly && opened.pending ? `${store().readOnly} A save it has not finished is shown as finished.` : store().readOnly;
      const { documents } = opened;
      const mine = documents.length > OPEN_FIRST_PAGE ? { token: randomBytes(16).toString('hex'), documents } : null;
      if (opening === openings) rest = mine;
      return {
        workspacePath: store().root, readOnly, isDefault: workspace.isDefault, recent: await workspace.recent(), ...opened,
        documents: documents.slice(0, OPEN_FIRST_PAGE), total: documents.length, rest: mine?.token ?? null, unreadable: [...opened.unreadable, ...refused],
      };
    },
    'workspace.openRest': async ({ token, from }) => {
      if (!rest || rest.token !== token) throw new OperationError('not-found', 'The workspace was opened again or changed as a whole since; this list of links is out of date. Reload the workspace.');
      const to = Math.min(rest.documents.length, from + OPEN_REST_PAGE);
      const page = rest.documents.slice(from, to);
      if (to >= rest.documents.length) rest = null;
      return { documents: page, next: to < (rest?.documents.length ?? 0) ? to : null };
    },
    'workspace.startEmpty': async () => dropRest({ removed: await store().startEmpty() }),
    'workspace.chooseFolder': async () => {
      const folder = await chooseOpenPath('folder');
      if (!folder) return { switched: false };
      await workspace.switchTo(folder);
      return dropRest({ switched: true });
    },
    'workspace.switch': async ({ path: folder }) => {
      await workspace.switchToKnown(folder);
      return dropRest({ switched: true as const });
    },
    'workspace.changesSince': async ({ since }) => {
      if (since.kind === 'date') return { label: `as of ${since.date}`, baseline: await store().statesAt(since.date) };
      const { info, states } = await store().statesInBackup(since.id);
      return { label: `backup of ${info.createdAt} (${info.reason})`, baseline: states };
    },
    'backups.list': async () => ({ backups: await store().backups.list() }),
    'backups.create': ({ reason }) => writable().backups.create(reason, false),
    'backups.restore': async ({ id }) => dropRest(await store().restoreBackup(id)),
    'preferences.get': () => preferences.get(),
    'preferences.set': (value) => preferences.set(value),
  };
}
