// testTimeout is a global option: jest ignores it inside a project's config.
module.exports = {
  testTimeout: 60_000,
  projects: [
    '<rootDir>/domain',
    '<rootDir>/store',
    '<rootDir>/workflows',
    '<rootDir>/activities',
    '<rootDir>/api',
    '<rootDir>/sandbox',
    '<rootDir>/e2e',
    // The micro-frontends (jsdom) and their browser tests (Debian's chromium against the builds).
    '<rootDir>/mfe-*/jest.config.js',
    '<rootDir>/e2e/browser',
  ],
};
