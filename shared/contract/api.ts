import { z } from 'zod';
import { assessmentDocumentSchema } from '../model/assessmentDocument.ts';
import { LINK_ID_PATTERN, linkSchema } from '../model/link.ts';
import type { OperationName } from './operationNames.ts';

const empty = z.object({}).strict();
const linkId = z.string().regex(LINK_ID_PATTERN);

/** The typed API between renderer and main: argument and result schema per operation. */
export const CONTRACT = {
  'app.info': {
    args: empty,
    result: z.object({ version: z.string(), workspacePath: z.string(), linkCount: z.number().int() }),
  },
  'links.list': {
    args: empty,
    result: z.object({ documents: z.array(assessmentDocumentSchema) }),
  },
  'links.create': {
    args: z.object({ name: z.string().trim().min(1, 'expected a name').max(200) }).strict(),
    result: assessmentDocumentSchema,
  },
  'links.save': {
    args: z.object({ link: linkSchema }).strict(),
    result: assessmentDocumentSchema,
  },
  'links.delete': {
    args: z.object({ id: linkId }).strict(),
    result: z.object({ deleted: z.boolean() }),
  },
} as const satisfies Record<OperationName, { args: z.ZodType; result: z.ZodType }>;

export type Contract = typeof CONTRACT;
export type ArgsOf<K extends OperationName> = z.input<Contract[K]['args']>;
export type ResultOf<K extends OperationName> = z.output<Contract[K]['result']>;

/** Why an operation failed, in a form that crosses the process boundary. */
export interface ApiFailure {
  code: 'invalid-argument' | 'unknown-operation' | 'forbidden' | 'not-found' | 'conflict' | 'internal';
  message: string;
  problems?: Array<{ path: string; message: string }>;
}

/** Every operation answers with this envelope; the renderer's client unwraps it. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

/** What the main process implements: one async function per operation, given validated arguments. */
export type Handlers = { [K in OperationName]: (args: z.output<Contract[K]['args']>) => Promise<ResultOf<K>> };

/** What the renderer sees: one function per operation returning the envelope. */
export type BridgeApi = { [K in OperationName]: (args: ArgsOf<K>) => Promise<Envelope<ResultOf<K>>> };
