import type { Messages } from '@c360/mfe-kit';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

/** The area's messages per locale (extracted with the formatjs CLI; see `npm run i18n:extract`). */
export const messages: Messages = { en, fr, ar };
