const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Tests read libs/survey and libs/api-client from source, so they never run against a stale build.
  moduleNameMapper: {
    '^@attune/survey$': '<rootDir>/../../libs/survey/src/index.ts',
    '^@attune/api-client$': '<rootDir>/../../libs/api-client/src/index.ts',
  },
  // Swagger UI under Fastify loads @fastify/static, whose content-disposition is ESM-only.
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/|@fastify/static/|content-disposition/)'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 30000,
};
