const path = require("path")

// React 19 lives in this workspace's node_modules (the root has Medusa's and Strapi's React 18):
// every import of react, including Testing Library's, must resolve to this copy.
const local = (name) =>
  path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }))

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
  moduleNameMapper: {
    // Server actions only run inside Next; components under test get their handlers injected.
    "^@/lib/cart-actions$": "<rootDir>/__tests__/support/cart-actions-stand-in.ts",
    "^@/(.*)$": "<rootDir>/$1",
    "^@health/core$": "<rootDir>/../core/src/index.ts",
    "^react$": local("react"),
    "^react/(.*)$": `${local("react")}/$1`,
    "^react-dom$": local("react-dom"),
    "^react-dom/(.*)$": `${local("react-dom")}/$1`,
  },
}
