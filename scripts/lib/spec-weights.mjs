// Roughly how long each heavy spec file takes (seconds, measured on this 2-core machine with the
// other lane busy): `npm test` starts the heaviest first so its lanes end together. A file not
// listed is guessed from its length; a stale figure only costs balance, never correctness.
import { readFileSync } from "node:fs"

const MEASURED = {
  "wechatpay-checkout": 130,
  "affiliate-wechat-payout": 115,
  "seed-reference-and-demo": 100,
  "finance-summary": 100,
  "fuzz-routes": 95,
  "staff-access": 90,
  "storefront-journey": 62,
  search: 62,
  "affiliate-programme": 57,
  "member-membership": 55,
  "affiliate-earnings-export": 54,
  appointments: 50,
  "member-account": 45,
  "store-ownership": 40,
  "production-smoke": 150,
  "restore-drill": 120,
}

/** Seconds to expect from a spec file, by its name without `.spec.ts`. */
export function specWeight(name, file) {
  if (name in MEASURED) return MEASURED[name]
  const lines = readFileSync(file, "utf8").split("\n").length
  return 15 + lines / 15
}
