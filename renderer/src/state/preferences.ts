import { create } from 'zustand';
import { call } from '../api.ts';

interface PreferencesState {
  operatorName: string | null;
  load(): Promise<void>;
  setOperatorName(name: string | null): Promise<void>;
}

/** Preferences of this machine: the operator name recorded on checklist items. */
export const usePreferences = create<PreferencesState>((set) => ({
  operatorName: null,
  async load() {
    set(await call('preferences.get', {}));
  },
  async setOperatorName(operatorName) {
    set(await call('preferences.set', { operatorName }));
  },
}));
