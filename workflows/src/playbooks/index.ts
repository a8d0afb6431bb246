/** The default playbooks (issue 6): one workflow each. */
export { healthDropPlaybook } from './healthDropPlaybook';
export { vipPlaybook } from './vipPlaybook';
export { lowCsatPlaybook } from './lowCsatPlaybook';
export { churnWinbackPlaybook } from './churnWinbackPlaybook';
export { segmentEnteredPlaybook } from './segmentEnteredPlaybook';
