// The standalone dev page; the shell loads `./mount` instead. Async boundary for the shared singletons.
import('./standalone').catch((error: unknown) => console.error('analytics failed to start', error));
