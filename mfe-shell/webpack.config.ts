import { createMfeConfig } from '@c360/mfe-kit/build';

// The host: its page is the dashboard; it also exposes the loader other areas use to show a
// component of a third area (inbox shows customers' `./CustomerSummary`).
export default createMfeConfig({
  dir: __dirname,
  name: 'shell',
  entry: './src/index.ts',
  title: 'Customer 360',
  exposes: { './remoteComponent': './src/remotes/RemoteComponent.tsx' },
});
