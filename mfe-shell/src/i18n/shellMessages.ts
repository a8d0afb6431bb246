import type { Messages } from '@c360/mfe-kit';
import en from './en.json';
import fr from './fr.json';
import ar from './ar.json';

/** The shell's own strings; each area ships its own. */
export const SHELL_MESSAGES: Messages = { en, fr, ar };
