module.exports = {
  testEnvironment: "node",
  // CMS_TESTS_TOGETHER=1 (npm test): every file in one jest file, Strapi's modules loaded once
  // (tests/together/every-file.test.js); otherwise each file alone, as `npx jest <file>` runs it.
  testMatch: process.env.CMS_TESTS_TOGETHER
    ? ["<rootDir>/tests/together/every-file.test.js"]
    : ["<rootDir>/tests/*.test.js"],
  testTimeout: 180_000,
  // Compile once and seed a template database once; each file's database copies it.
  globalSetup: "<rootDir>/tests/strapi-template.js",
  globalTeardown: "<rootDir>/tests/strapi-template-teardown.js",
}
