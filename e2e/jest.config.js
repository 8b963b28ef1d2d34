module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" } } }],
  },
  testMatch: ["<rootDir>/journeys/**/*.spec.ts"],
  globalSetup: "<rootDir>/support/global-setup.mjs",
  globalTeardown: "<rootDir>/support/global-teardown.mjs",
  testTimeout: 120_000,
}
