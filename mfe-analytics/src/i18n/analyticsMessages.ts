import type { Messages } from '@c360/mfe-kit';
import en from './en.json';
import fr from './fr.json';
import ar from './ar.json';

export const ANALYTICS_MESSAGES: Messages = { en, fr, ar };
