const path = require("path")

const core = path.resolve(__dirname, "..", "core", "src")

module.exports = {
  testEnvironment: "jsdom",
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  transformIgnorePatterns: ["/node_modules/"],
  testMatch: ["<rootDir>/__tests__/**/*.test.{ts,tsx}"],
  setupFiles: ["<rootDir>/__tests__/support/env.ts"],
  moduleNameMapper: {
    // @tarojs/test-utils-react does not work on Taro 4: small stand-ins play the runtime.
    "^@tarojs/taro$": "<rootDir>/__tests__/support/taro-stand-in.ts",
    "^@tarojs/components$": "<rootDir>/__tests__/support/components-stand-in.tsx",
    "^@health/core$": `${core}/index.ts`,
    "^@health/core/(.*)$": `${core}/$1`,
    "\\.css$": "<rootDir>/__tests__/support/style-stand-in.ts",
  },
}
