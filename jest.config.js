// One jest run, several projects: pick with `npx jest --selectProjects <name>`.
// Server side: cloud functions, the local server, schemas and cross-module integration tests, in node.
const server = {
  displayName: 'server',
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/cloudfunctions/**/*.test.ts',
    '<rootDir>/server/**/*.test.ts',
    '<rootDir>/types/**/*.test.ts',
    '<rootDir>/test/integration/**/*.test.ts',
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^~types/(.*)$': '<rootDir>/types/$1' },
}

// The H5 build in Debian's chromium, served by the real local server.
const e2e = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  transform: server.transform,
  moduleNameMapper: server.moduleNameMapper,
}

const components = {
  displayName: 'components',
  // Pages and components rendered with Taro's real H5 components in jsdom.
  testEnvironment: '<rootDir>/test/support/jsdom-with-fetch.js',
  testMatch: ['<rootDir>/src/**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/support/components-setup.ts'],
  globalSetup: '<rootDir>/test/support/server-global.ts',
  globalTeardown: '<rootDir>/test/support/server-teardown.ts',
  transform: { '\\.[cm]?[jt]sx?$': 'babel-jest' },
  // Taro's component library and its dependencies ship untranspiled ESM: compile those too.
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|swiper|tslib|\\.pnpm|@nutui)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    // The real H5 @tarojs/taro needs a browser router; see the stand-in for what it provides.
    '^@tarojs/taro$': '<rootDir>/test/support/taro-stub.ts',
    '^~types/(.*)$': '<rootDir>/types/$1',
    '\\.(scss|css)$': '<rootDir>/test/support/style-stub.ts',
  },
  // Compile-time flags the Taro build defines for its DOM runtime.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: false,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
}

const weapp = {
  displayName: 'weapp',
  // The built mini-program (dist/weapp) run by miniprogram-simulate, which renders into a DOM.
  testEnvironment: '<rootDir>/test/support/jsdom-with-fetch.js',
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  globalSetup: '<rootDir>/test/weapp/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/server-teardown.ts',
  transform: { '\\.[cm]?[jt]sx?$': 'babel-jest' },
  // The build output is already what WeChat runs: load it untouched.
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
}

/** @type {import('jest').Config} */
module.exports = {
  projects: [server, components, weapp, e2e],
  // A guard against a hung test, not a performance target (those live in bench/): the seeded demo and the crowd
  // tests' setup take seconds on a busy 2-core machine, where jest's 5 s default failed them at random.
  testTimeout: 20_000,
}
