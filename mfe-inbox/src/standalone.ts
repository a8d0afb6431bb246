import { renderStandalone } from '@c360/mfe-kit';
import * as lifecycles from './mount';

/** The area alone, on its own dev server: sign in, then mount it as the shell would. */
renderStandalone('inbox', lifecycles);
