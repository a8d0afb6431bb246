module.exports = require('../mfe-kit/jest.mfe')(__dirname);
