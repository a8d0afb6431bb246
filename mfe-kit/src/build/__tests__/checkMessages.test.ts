/**
 * @jest-environment node
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertMessagesComplete, checkMessages } from '../checkMessages';

// A throw-away package with real source files, run through the real formatjs CLI.
let dir: string;
const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'c360-i18n-test-'));
  write(
    'src/Hello.tsx',
    `import { defineMessages, FormattedMessage } from 'react-intl';
const m = defineMessages({ hi: { id: 'demo.hi', defaultMessage: 'Hi {name}' } });
export const Hello = () => <><FormattedMessage {...m.hi} values={{ name: 'x' }} /><FormattedMessage id="demo.bye" defaultMessage="Bye" /></>;`,
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('checkMessages', () => {
  it('passes when every locale has every id the source uses', () => {
    const all = { 'demo.hi': 'x', 'demo.bye': 'y' };
    for (const locale of ['en', 'fr', 'ar']) write(`src/i18n/${locale}.json`, JSON.stringify(all));
    expect(checkMessages(dir).missing).toEqual({ en: [], fr: [], ar: [] });
    expect(() => assertMessagesComplete(dir)).not.toThrow();
  });

  it('names each id missing or empty in each locale, and fails the check', () => {
    write(
      'src/i18n/en.json',
      JSON.stringify({ 'demo.hi': 'Hi {name}', 'demo.bye': 'Bye', 'demo.old': 'Old' }),
    );
    write('src/i18n/fr.json', JSON.stringify({ 'demo.hi': 'Salut {name}' }));
    write('src/i18n/ar.json', JSON.stringify({ 'demo.hi': '  ', 'demo.bye': 'مع السلامة' }));
    const result = checkMessages(dir);
    expect(result.missing).toEqual({ en: [], fr: ['demo.bye'], ar: ['demo.hi'] });
    expect(result.unused.en).toEqual(['demo.old']);
    expect(() => assertMessagesComplete(dir)).toThrow(/fr\.json lacks demo\.bye; ar\.json lacks demo\.hi/);
  });
});
