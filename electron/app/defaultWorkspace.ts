import { homedir } from 'node:os';
import path from 'node:path';

/** Electron's user-data folder for this app, computed without Electron (for the CLI). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const appData =
    platform === 'win32' ? env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming')
    : platform === 'darwin' ? path.join(homedir(), 'Library', 'Application Support')
    : env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config');
  return path.join(appData, 'Applink Advisor');
}

/** The workspace the app opens by default. */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.APPLINK_ADVISOR_WORKSPACE ?? path.join(userDataDir(env), 'workspace');
}
