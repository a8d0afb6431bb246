// Module Federation: the entry only enters an async boundary, so the shared singletons (react,
// react-dom, react-intl) are negotiated before any of them is used.
import('./bootstrap').catch((error: unknown) => {
  console.error('the dashboard failed to start', error);
});
