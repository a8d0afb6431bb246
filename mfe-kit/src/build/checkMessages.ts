import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractMessages } from './extractMessages';
import { LOCALES } from './locales';

export type MessageCheck = {
  /** Per locale, the ids the source uses that its file lacks (or leaves empty). */
  missing: Record<string, string[]>;
  /** Per locale, ids in its file that no source uses any more (reported, not fatal). */
  unused: Record<string, string[]>;
};

const readLocale = (packageDir: string, locale: string): Record<string, string> => {
  const file = join(packageDir, 'src', 'i18n', `${locale}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
};

/** Compares the ids extracted from an MFE's source with its en/fr/ar message files. */
export const checkMessages = (packageDir: string): MessageCheck => {
  const ids = Object.keys(extractMessages(packageDir)).sort();
  const missing: Record<string, string[]> = {};
  const unused: Record<string, string[]> = {};
  for (const locale of LOCALES) {
    const messages = readLocale(packageDir, locale);
    missing[locale] = ids.filter((id) => !messages[id]?.trim());
    unused[locale] = Object.keys(messages).filter((id) => !ids.includes(id));
  }
  return { missing, unused };
};

/** Throws, naming every missing id per locale, when a message is missing anywhere. */
export const assertMessagesComplete = (packageDir: string): void => {
  const { missing } = checkMessages(packageDir);
  const problems = Object.entries(missing)
    .filter(([, ids]) => ids.length > 0)
    .map(([locale, ids]) => `${locale}.json lacks ${ids.join(', ')}`);
  if (problems.length > 0) throw new Error(`missing messages in ${packageDir}: ${problems.join('; ')}`);
};
