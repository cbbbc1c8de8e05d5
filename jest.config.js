/**
 * `npm test`: the unit and integration tests, quietly: what the app logs is not shown
 * (`--silent=false` shows it), and the output is the failures and a summary.
 * The browser tests are their own run: `npm run test:e2e` (jest.e2e.config.js).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.tools.json' }] },
  testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/integration/**/*.test.ts'],
  silent: true,
  reporters: [['summary', { summaryThreshold: 0 }]],
  // A guard against a hung test, not a measure.
  testTimeout: 60000,
};
