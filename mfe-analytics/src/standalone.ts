import { renderStandalone } from '@c360/mfe-kit';
import * as lifecycles from './mount';

renderStandalone('analytics', lifecycles);
