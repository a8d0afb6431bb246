import { createMfeConfig } from '@c360/mfe-kit/build';

// Remote `customers`: the shell mounts `./mount`; other areas show `./CustomerSummary`.
export default createMfeConfig({
  dir: __dirname,
  name: 'customers',
  entry: './src/index.ts',
  title: 'Customer 360 — customers (standalone)',
  exposes: { './mount': './src/mount.tsx', './CustomerSummary': './src/summary/CustomerSummary.tsx' },
});
