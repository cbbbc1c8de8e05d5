/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.tools.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // A guard against a hung test, not a measure: runs share two cores with the browser tests.
  testTimeout: 180000,
};
