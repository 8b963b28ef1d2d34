// The production tests (npm test's production stage): each spec boots what it needs from the
// production build (scripts/prod/build-all.mjs) itself, so there is no global stack setup.
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" } } }],
  },
  testMatch: ["<rootDir>/*.spec.ts"],
  // Builds and boots take minutes on a shared machine; each spec sets tighter limits per step.
  testTimeout: 300_000,
}
