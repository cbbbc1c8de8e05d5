/**
 * `npm run test:e2e`: the pages in a headless Chromium against the local site (slower; CI runs
 * them after `npm test`).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.tools.json' }] },
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  // A guard against a hung test, not a measure: the browser shares the machine with the server.
  testTimeout: 180000,
};
