/**
 * Every operation the renderer may ask of the main process. Kept apart from the schemas so the
 * preload bundle stays tiny: it needs the names only.
 */
export const OPERATION_NAMES = [
  'workspace.open', 'workspace.openRest', 'workspace.startEmpty', 'links.create', 'links.save', 'links.saveMany', 'links.delete', 'export.save',
  'checklists.update', 'checklists.close', 'preferences.get', 'preferences.set',
  'backups.list', 'backups.create', 'backups.restore',
  'workspace.chooseFolder', 'workspace.switch', 'workspace.changesSince', 'links.history',
  'bundles.export', 'bundles.open', 'bundles.merge', 'bundles.discard',
  'import.choose', 'import.fromContents', 'import.attribute', 'import.commit', 'import.discard',
  'reports.export', 'reports.progress', 'reports.cancel', 'diagnostics.get', 'diagnostics.copy', 'diagnostics.openLogFolder', 'launch.pending',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** IPC channel of an operation. */
export const channelOf = (operation: OperationName): string => `applink-advisor:${operation}`;

/** The name under which the preload (and the test harness) expose the api in the page. */
export const API_GLOBAL = 'applinkAdvisor';
