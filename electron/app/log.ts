import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * What a log line may hold: numbers, flags and a few closed vocabularies (operation names, error codes,
 * platform names). No free text: no link names, notes, paths, messages or secrets can be logged.
 */
export type LogValue = number | boolean | null;
export interface LogEvent {
  event: 'app-started' | 'workspace-opened' | 'operation' | 'operation-failed' | 'quit';
  /** An operation name from the contract. */
  operation?: string;
  /** An ApiFailure code. */
  code?: string;
  /** Versions and platform, at start only. */
  runtime?: Record<string, string>;
  [field: string]: LogValue | string | Record<string, string> | undefined;
}

const SAFE_TEXT = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * A local, rotating log for support: one JSON object per line in `applink-advisor.log`, rotated at
 * `maxBytes` into `.1.log` … `.<keep>.log`. Text fields are checked against a closed pattern and
 * dropped otherwise, so a name or a message can never slip in.
 */
export class AppLog {
  readonly file: string;

  constructor(readonly dir: string, private readonly maxBytes = 1024 * 1024, private readonly keep = 3, private readonly now: () => Date = () => new Date()) {
    this.file = path.join(dir, 'applink-advisor.log');
  }

  write(entry: LogEvent): void {
    const line: Record<string, unknown> = { at: this.now().toISOString() };
    for (const [key, value] of Object.entries(entry)) {
      if (typeof value === 'number' || typeof value === 'boolean' || value === null) line[key] = value;
      else if (typeof value === 'string' && SAFE_TEXT.test(value)) line[key] = value;
      else if (key === 'runtime' && value && typeof value === 'object') line[key] = Object.fromEntries(Object.entries(value).filter(([, v]) => SAFE_TEXT.test(v)));
    }
    try {
      mkdirSync(this.dir, { recursive: true });
      if (existsSync(this.file) && statSync(this.file).size >= this.maxBytes) this.rotate();
      appendFileSync(this.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
    } catch {
      // A log must never break the app: a full or read-only disk just means no log line.
    }
  }

  private rotate(): void {
    rmSync(path.join(this.dir, `applink-advisor.${this.keep}.log`), { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      const from = path.join(this.dir, `applink-advisor.${i}.log`);
      if (existsSync(from)) renameSync(from, path.join(this.dir, `applink-advisor.${i + 1}.log`));
    }
    renameSync(this.file, path.join(this.dir, 'applink-advisor.1.log'));
  }

  /** The newest lines, for diagnostics. */
  tail(lines = 50): string[] {
    try {
      return readFileSync(this.file, 'utf8').trimEnd().split('\n').slice(-lines);
    } catch {
      return [];
    }
  }
}
