// Browser tests: Debian's chromium (playwright-core) against the production builds of the MFEs
// (built once by `./c360 test` before jest) and the real API on the test database.
const path = require('node:path');

module.exports = require('../../jest.preset')(__dirname, {
  displayName: 'browser',
  testMatch: ['**/__tests__/**/*.browser.test.ts'],
  moduleNameMapper: {
    ...require('../../jest.preset')(__dirname).moduleNameMapper,
    '^@c360/mfe-kit/build$': path.join(__dirname, '..', '..', 'mfe-kit', 'src', 'build', 'index.ts'),
    '^@c360/mfe-kit/test$': path.join(__dirname, '..', '..', 'mfe-kit', 'src', 'test', 'index.ts'),
  },
});
