/** @jest-environment node */
import { join } from 'node:path';
import { checkMessages } from '@c360/mfe-kit/build';

describe('customers messages', () => {
  it('has every message id of the source in en, fr and ar', () => {
    const { missing } = checkMessages(join(__dirname, '..', '..'));
    expect(missing).toEqual({ en: [], fr: [], ar: [] });
  });
});
