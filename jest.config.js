module.exports = {
  projects: [
    '<rootDir>/domain',
    '<rootDir>/store',
    '<rootDir>/workflows',
    '<rootDir>/activities',
    '<rootDir>/api',
  ],
};
