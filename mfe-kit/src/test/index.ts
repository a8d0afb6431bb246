/** Browser-test helpers shared by the MFE packages and e2e/browser (Node only). */
export { launchChromium } from './launchChromium';
