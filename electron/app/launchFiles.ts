import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files the operating system asked the app to open (file associations), until the window takes them. */
export class LaunchFiles {
  private readonly pending: string[] = [];

  /** Picks the bundle and inventory files out of a command line (or a macOS open-file event). */
  offer(candidates: readonly string[]): void {
    for (const candidate of candidates) {
      if (!/\.(bundle|applinks|applinks\.json)$/i.test(candidate)) continue;
      const file = path.resolve(candidate);
      if (existsSync(file) && statSync(file).isFile() && !this.pending.includes(file)) this.pending.push(file);
    }
  }

  /** The next file to open, oldest first. */
  take(): string | null {
    return this.pending.shift() ?? null;
  }
}
