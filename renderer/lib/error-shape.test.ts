import { describe, expect, it } from 'vitest';
import { WharfError } from '../../vm-backend/api/errors';
import { errorShape } from './error-shape';

describe('errorShape', () => {
  it('keeps a WharfError as it is', () => {
    const e = new WharfError({ code: 'NOT_FOUND', message: 'm', hint: 'h', detail: 'd' });
    expect(errorShape(e, 'X')).toEqual({ code: 'NOT_FOUND', message: 'm', hint: 'h', detail: 'd' });
  });
  it('files anything else under the code given, with its own words as the detail', () => {
    expect(errorShape(new Error('boom'), 'PULL_FAILED')).toMatchObject({ code: 'PULL_FAILED', detail: 'boom' });
    expect(errorShape('plain')).toMatchObject({ code: 'UNEXPECTED', detail: 'plain' });
  });
});
