// The kit's MFE set-up, plus react-intl and its formatjs dependencies (published as ES modules
// only) compiled to CommonJS for jest.
const base = require('../mfe-kit/jest.mfe')(__dirname);

module.exports = {
  ...base,
  transform: {
    ...base.transform,
    '^.+\\.m?js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(react-intl|intl-messageformat|@formatjs)/)'],
};
