/** End-to-end tests: the production build of the playground in Debian's Chromium (playwright-core). */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180000,
};
