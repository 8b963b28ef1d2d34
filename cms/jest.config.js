module.exports = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/**/*.test.js"],
  testTimeout: 180_000,
  // Compile once and seed a template database once; each file's database copies it.
  globalSetup: "<rootDir>/tests/strapi-template.js",
  globalTeardown: "<rootDir>/tests/strapi-template-teardown.js",
}
