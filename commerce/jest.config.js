const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true } } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
}

if (process.env.TEST_TYPE === "integration:http") {
  // HTTP_SPEC_GROUP: several spec files on one app (integration-tests/spec-group.spec.ts).
  module.exports.testMatch = process.env.HTTP_SPEC_GROUP
    ? ["**/integration-tests/spec-group.spec.[jt]s"]
    : ["**/integration-tests/http/*.spec.[jt]s"]
  // Migrate once into a template database; every spec file's database is a copy of it.
  module.exports.globalSetup = "./integration-tests/helpers/http-global-setup.ts"
  module.exports.globalTeardown = "./integration-tests/helpers/http-global-teardown.ts"
} else if (process.env.TEST_TYPE === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.[jt]s"]
} else if (process.env.TEST_TYPE === "unit") {
  module.exports.testMatch = [
    "**/src/**/__tests__/**/*.unit.spec.[jt]s",
    "**/integration-tests/helpers/__tests__/*.unit.spec.[jt]s",
  ]
  // A hang guard, not a speed limit: requiring Medusa's start command (security-headers)
  // took over jest's default 5 s on a loaded 2-core machine.
  module.exports.testTimeout = 30_000
}
