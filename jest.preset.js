// One jest set-up for every package: TypeScript through swc, and workspace imports mapped to
// their sources so tests never depend on a prior build.
const path = require('node:path');

const workspaces = ['domain', 'store', 'workflows', 'activities', 'api', 'sandbox'];

module.exports = (packageDir, overrides = {}) => ({
  displayName: path.basename(packageDir),
  rootDir: packageDir,
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleNameMapper: Object.fromEntries(
    workspaces.map((w) => [`^@c360/${w}$`, path.join(__dirname, w, 'src', 'index.ts')]),
  ),
  ...overrides,
});
