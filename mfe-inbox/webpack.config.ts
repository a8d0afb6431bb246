import { createMfeConfig } from '@c360/mfe-kit/build';

// Remote `inbox`: the shell mounts `./mount`.
export default createMfeConfig({
  dir: __dirname,
  name: 'inbox',
  entry: './src/index.ts',
  title: 'Customer 360 — inbox (standalone)',
  exposes: { './mount': './src/mount.tsx' },
});
