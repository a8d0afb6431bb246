// One jest set-up for every MFE package: TSX through swc, jsdom, the kit mapped to its sources.
const path = require('node:path');

module.exports = (packageDir, overrides = {}) => ({
  displayName: path.basename(packageDir),
  rootDir: packageDir,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/__tests__/**/*.test.ts?(x)'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
      },
    ],
    '^.+\\.m?js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // react-intl 12 and its formatjs parts ship ES modules only: swc turns them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(react-intl|@formatjs|intl-messageformat|icu-minify)/)'],
  moduleNameMapper: {
    '^@c360/mfe-kit$': path.join(__dirname, 'src', 'runtime', 'index.ts'),
    '^@c360/mfe-kit/build$': path.join(__dirname, 'src', 'build', 'index.ts'),
    '^@c360/mfe-kit/test$': path.join(__dirname, 'src', 'test', 'index.ts'),
  },
  globals: { __MFE_NAME__: path.basename(packageDir).replace(/^mfe-/, ''), __MFE_VERSION__: 'test' },
  ...overrides,
});
