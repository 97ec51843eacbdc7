/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/support/azuriteGlobalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/azuriteGlobalTeardown.ts',
  moduleFileExtensions: ['ts', 'js', 'json'],
  maxWorkers: 2,
  testTimeout: 30000,
  verbose: false,
  reporters: ['default', '<rootDir>/tests/support/plainSummaryReporter.js'],
};
