module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
  },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/"],
}
