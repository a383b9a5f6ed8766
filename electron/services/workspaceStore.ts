import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { OperationError } from '../../shared/contract/operationError.ts';
import { ASSESSMENT_SCHEMA_VERSION, assessmentDocumentSchema, type AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import { blankLink, LINK_ID_PATTERN, type Link } from '../../shared/model/link.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { writeFileAtomic } from './atomicWrite.ts';

/** A file in the workspace that could not be read as an assessment. */
export interface UnreadableFile {
  file: string;
  reason: string;
}

/**
 * A workspace folder holding one JSON document per link assessment in `links/<id>.json`.
 * Every write is atomic; the content is serialised with sorted keys so unchanged data re-saves byte-identical.
 */
export class WorkspaceStore {
  readonly linksDir: string;

  constructor(readonly root: string, private readonly now: () => Date = () => new Date()) {
    this.linksDir = path.join(root, 'links');
  }

  private fileOf(id: string): string {
    if (!LINK_ID_PATTERN.test(id)) throw new OperationError('invalid-argument', `"${id}" is not a valid link id.`);
    return path.join(this.linksDir, `${id}.json`);
  }

  /** Reads every assessment; files that cannot be read are reported, never deleted. */
  async list(): Promise<{ documents: AssessmentDocument[]; unreadable: UnreadableFile[] }> {
    let names: string[];
    try {
      names = await readdir(this.linksDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { documents: [], unreadable: [] };
      throw error;
    }
    const documents: AssessmentDocument[] = [];
    const unreadable: UnreadableFile[] = [];
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const file = path.join(this.linksDir, name);
      const result = await this.readDocument(file);
      if ('document' in result) documents.push(result.document);
      else unreadable.push({ file, reason: result.reason });
    }
    documents.sort((a, b) => a.link.name.localeCompare(b.link.name) || a.link.id.localeCompare(b.link.id));
    return { documents, unreadable };
  }

  private async readDocument(file: string): Promise<{ document: AssessmentDocument } | { reason: string }> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      return { reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    const parsed = assessmentDocumentSchema.safeParse(json);
    if (!parsed.success) return { reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
    return { document: parsed.data };
  }

  /** The stored document of one link, or null. */
  async get(id: string): Promise<AssessmentDocument | null> {
    const result = await this.readDocument(this.fileOf(id)).catch(() => null);
    return result && 'document' in result ? result.document : null;
  }

  /** Saves a link, keeping its creation time; returns what is now on disk. */
  async save(link: Link): Promise<AssessmentDocument> {
    const file = this.fileOf(link.id);
    const existing = await this.get(link.id);
    const timestamp = this.now().toISOString();
    const document: AssessmentDocument = {
      schemaVersion: ASSESSMENT_SCHEMA_VERSION,
      link,
      createdAt: existing?.createdAt ?? timestamp,
      updatedAt: existing && stableStringify(existing.link) === stableStringify(link) ? existing.updatedAt : timestamp,
    };
    await mkdir(this.linksDir, { recursive: true });
    await writeFileAtomic(file, stableStringify(document));
    return document;
  }

  /** Creates a new link with only a name and a fresh id. */
  async create(name: string): Promise<AssessmentDocument> {
    return this.save(blankLink(randomUUID(), name));
  }

  /** Deletes a link's file; false when it did not exist. */
  async delete(id: string): Promise<boolean> {
    const file = this.fileOf(id);
    try {
      await rm(file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
