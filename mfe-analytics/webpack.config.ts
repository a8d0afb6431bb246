import { createMfeConfig } from '@c360/mfe-kit/build';

// Remote `analytics`: the shell mounts `./mount`; the page entry is the standalone dev page.
export default createMfeConfig({
  dir: __dirname,
  name: 'analytics',
  entry: './src/index.ts',
  title: 'Customer 360 — analytics (standalone)',
  exposes: { './mount': './src/mount.tsx' },
});
