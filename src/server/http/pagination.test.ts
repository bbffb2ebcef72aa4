import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from './pagination.js';

describe('cursors', () => {
  it('round-trip the sort values', () => {
    const values = ['2024-07-08T00:00:00.000Z', '3f1c0e2a-0000-4000-8000-000000000000'];
    expect(decodeCursor(encodeCursor(values), 2)).toEqual(values);
  });

  it.each(['garbage', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')])(
    'reject a cursor this server did not make: %s',
    (cursor) => {
      try {
        decodeCursor(cursor, 2);
        expect.unreachable();
      } catch (error) {
        expect(AppError.is(error)).toBe(true);
        expect((error as AppError).errors[0]!.field).toBe('query.cursor');
      }
    },
  );
});
