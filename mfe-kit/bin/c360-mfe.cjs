#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, in the calling package's folder.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const tsxCli = require.resolve('tsx/cli');
const result = spawnSync(
  process.execPath,
  [tsxCli, join(__dirname, '..', 'src', 'build', 'cli.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
