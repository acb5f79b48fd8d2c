/**
 * Recalculation tests: workbooks written by Budgetkoll are recalculated by a real spreadsheet
 * engine (LibreOffice, headless) and the results compared with numbers computed in the tests.
 * Needs `soffice` on PATH (Debian: libreoffice-calc-nogui); fails, never skips, without it.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2020',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/recalc'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
  // IronCalc's package is an ES module: compiled for jest like our own code.
  transformIgnorePatterns: ['/node_modules/(?!@ironcalc/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 180000,
};
