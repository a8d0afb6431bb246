/**
 * @jest-environment node
 */
import { join } from 'node:path';
import { assertMessagesComplete } from '@c360/mfe-kit/build';

it('has every message id of its source in en, fr and ar', () => {
  expect(() => assertMessagesComplete(join(__dirname, '..', '..'))).not.toThrow();
});
