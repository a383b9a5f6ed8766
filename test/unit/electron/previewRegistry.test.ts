import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../shared/contract/operationError.ts';
import { PreviewRegistry } from '../../../electron/operations/previewRegistry.ts';

describe('PreviewRegistry', () => {
  it('hands out unguessable tokens and returns what was opened under each', () => {
    const registry = new PreviewRegistry<{ n: number }>('gone');
    const a = registry.open({ n: 1 });
    const b = registry.open({ n: 2 });
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(registry.get(a)).toEqual({ n: 1 });
    registry.set(a, { n: 3 });
    expect(registry.get(a)).toEqual({ n: 3 });
    expect(registry.get(b)).toEqual({ n: 2 });
  });

  it('refuses a discarded or unknown token as not-found, with the message it was given', () => {
    const registry = new PreviewRegistry<string>('That import is no longer open; choose the files again.');
    const token = registry.open('preview');
    registry.discard(token);
    for (const missing of [token, 'not-a-token', '__proto__']) {
      const error = (() => { try { registry.get(missing); } catch (e) { return e; } })();
      expect(error).toBeInstanceOf(OperationError);
      expect(error).toMatchObject({ code: 'not-found', message: 'That import is no longer open; choose the files again.' });
    }
  });
});
