// Roughly how long each heavy spec file takes (seconds, measured on this 2-core machine with the
// other lane busy, 6 December 2026): `npm test` starts the heaviest first so its lanes end together. A file not
// listed is guessed from its length; a stale figure only costs balance, never correctness.
import { readFileSync } from "node:fs"

const MEASURED = {
  "payment-contract-wechatpay": 95,
  "payment-contract-alipay": 95,
  "payment-contract-unionpay": 95,
  "wechatpay-checkout": 95,
  "escort-bookings": 40,
  "fuzz-routes": 250,
  "staff-access": 95,
  "affiliate-wechat-payout": 100,
  "affiliate-programme": 100,
  "finance-summary": 110,
  "production-smoke": 80,
  "restore-drill": 70,
  appointments: 70,
  "checkout-server-run": 60,
  "seed-reference-and-demo": 60,
  "order-business-states": 70,
  "operations-dashboard": 60,
  "escort-dispatch": 60,
  constitution: 50,
  "health-archive": 50,
  "member-membership": 50,
  "escort-income": 100,
  "escort-hospitals": 60,
  consultations: 80,
}

/** Seconds to expect from a spec file, by its name without `.spec.ts`. */
export function specWeight(name, file) {
  if (name in MEASURED) return MEASURED[name]
  const lines = readFileSync(file, "utf8").split("\n").length
  return 15 + lines / 15
}
