import { create } from 'zustand';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { Link } from '../../../shared/model/link.ts';
import { ApiError, call } from '../api.ts';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface WorkspaceState {
  documents: AssessmentDocument[];
  loadState: LoadState;
  error: string | null;
  load(): Promise<void>;
  createLink(name: string): Promise<AssessmentDocument>;
  saveLink(link: Link): Promise<AssessmentDocument>;
  deleteLinks(ids: string[]): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof ApiError || error instanceof Error ? error.message : String(error));

const upsert = (documents: AssessmentDocument[], document: AssessmentDocument) => {
  const rest = documents.filter((d) => d.link.id !== document.link.id);
  return [...rest, document].sort((a, b) => a.link.name.localeCompare(b.link.name) || a.link.id.localeCompare(b.link.id));
};

/** The workspace as the renderer knows it: every stored assessment, kept in step with the main process. */
export const useWorkspace = create<WorkspaceState>((set, get) => ({
  documents: [],
  loadState: 'idle',
  error: null,
  async load() {
    set({ loadState: 'loading', error: null });
    try {
      const { documents } = await call('links.list', {});
      set({ documents, loadState: 'ready' });
    } catch (error) {
      set({ loadState: 'error', error: messageOf(error) });
    }
  },
  async createLink(name) {
    const document = await call('links.create', { name });
    set({ documents: upsert(get().documents, document) });
    return document;
  },
  async saveLink(link) {
    const document = await call('links.save', { link });
    set({ documents: upsert(get().documents, document) });
    return document;
  },
  async deleteLinks(ids) {
    for (const id of ids) await call('links.delete', { id });
    set({ documents: get().documents.filter((d) => !ids.includes(d.link.id)) });
  },
}));
