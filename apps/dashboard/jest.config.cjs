// Unit tests of the dashboard's pure modules (the participant's answer queue, resume and screen
// rules). Pages and components are proven in real browsers by e2e/; these run in plain Node.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'dashboard',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // From source, so the tests never run against a stale build of the library.
    '^@attune/survey$': '<rootDir>/../../libs/survey/src/index.ts',
  },
};
