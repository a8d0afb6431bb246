import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';

let registered = false;

/**
 * A module the shell exposes (`./remoteComponent`), loaded from the shell that serves this page.
 * Areas never import each other: another area's component comes through the shell's loader.
 */
export const loadShellModule = async <T>(exposed: string, origin = window.location.origin): Promise<T> => {
  if (!registered) {
    registerRemotes([{ name: 'shell', alias: 'shell', entry: `${origin}/remoteEntry.js` }]);
    registered = true;
  }
  const module = await loadRemote<T>(`shell/${exposed.replace(/^\.\//, '')}`);
  if (!module) throw new Error(`the shell did not provide ${exposed}`);
  return module;
};
