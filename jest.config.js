/** Jest runs the TypeScript sources as native ESM (node --experimental-vm-modules). */
import os from 'node:os'

export default {
  // Two test files at once even on 2 cores (jest's default there is one): much of the suite waits
  // on go, on servers and on timers rather than computing (bench/README.md, "the test suite").
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {'^(\\.{1,2}/.*)\\.js$': '$1'},
  // esbuild, file by file, to native ESM (scripts/jest-transform.mjs says why not ts-jest).
  transform: {
    '^.+\\.ts$': '<rootDir>/scripts/jest-transform.mjs'
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/fixtures/'],
  modulePathIgnorePatterns: ['<rootDir>/lib/', '<rootDir>/dist/'],
  testTimeout: 120000
}
