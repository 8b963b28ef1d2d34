module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" } } }] },
  testMatch: ["<rootDir>/src/**/__tests__/**/*.test.ts"],
  // Sources import each other as "./x.js" (for the ES build); jest reads the .ts beside it.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
}
