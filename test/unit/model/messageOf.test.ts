import { describe, expect, it } from 'vitest';
import { messageOf } from '../../../shared/model/messageOf.ts';

describe('messageOf', () => {
  it('gives an Error’s message, a subclass’s too, and anything else as text', () => {
    expect(messageOf(new Error('disk full'))).toBe('disk full');
    expect(messageOf(new TypeError('bad type'))).toBe('bad type');
    expect(messageOf('plain words')).toBe('plain words');
    expect(messageOf(42)).toBe('42');
    expect(messageOf(null)).toBe('null');
  });
});
