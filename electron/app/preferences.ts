import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { preferencesSchema, type Preferences } from '../../shared/model/preferences.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { writeFileAtomic } from '../workspace/atomicWrite.ts';

const DEFAULTS: Preferences = { operatorName: null };

/** Preferences kept in one JSON file under the user-data folder. A broken file falls back to the defaults. */
export class PreferencesStore {
  constructor(readonly file: string) {}

  async get(): Promise<Preferences> {
    try {
      const parsed = preferencesSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : DEFAULTS;
    } catch {
      return DEFAULTS;
    }
  }

  async set(preferences: Preferences): Promise<Preferences> {
    const value = { ...preferences, operatorName: preferences.operatorName?.trim() || null };
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, stableStringify(value));
    return value;
  }
}
