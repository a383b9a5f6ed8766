import { randomBytes } from 'node:crypto';
import { OperationError } from '../../shared/contract/operationError.ts';

/**
 * Things opened for a preview (a bundle, an import) until committed or discarded: the renderer holds only
 * the random token, never a path or the content.
 */
export class PreviewRegistry<T> {
  readonly #open = new Map<string, T>();

  /** @param gone what the user is told when a token is no longer open. */
  constructor(private readonly gone: string) {}

  open(value: T): string {
    const token = randomBytes(16).toString('hex');
    this.#open.set(token, value);
    return token;
  }

  get(token: string): T {
    const value = this.#open.get(token);
    if (value === undefined) throw new OperationError('not-found', this.gone);
    return value;
  }

  set(token: string, value: T): void {
    this.#open.set(token, value);
  }

  discard(token: string): void {
    this.#open.delete(token);
  }
}
