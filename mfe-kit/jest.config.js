module.exports = require('./jest.mfe')(__dirname);
