// Which commerce HTTP spec files `npm test` runs on one booted app (commerce/integration-tests/
// helpers/spec-group.ts): a boot costs each file 25 to 50 s on this machine, two fifths of the
// HTTP lane when every file booted its own. A file in no group runs alone, and so does every
// new file until it is placed here. Files stay out of groups when they change the app for
// everyone in it:
//   fuzz-routes, staff-access, wechatpay-checkout: long enough alone
//   payment-contract-wechatpay: its sandbox keys differ from wechatpay-checkout's
//   escort-dispatch: its dispatch sweep runs every 500 ms (ESCORT_DISPATCH_SWEEP_MS)
//   health-endpoints: points the app at a Redis hop it cuts, as a server-only process
//   request-logs: logs every request as JSON at info level
//   search: points the app's search at a Meilisearch that is not there
//   sign-in-limits: a machine-wide SMS limit of 45 an hour, counted in the shared Redis
//   password-reset: other public URLs for the storefront and commerce
//   operations-dashboard: four seats a clinic slot (APPOINTMENT_SLOT_CAPACITY)
//   appointments: reminders 1.5 s after booking, sent whichever file booked
//   escort-persons: boots the app against its 实名认证 stand-in, which is not up until its own
//     beforeAll: every booking of a file before it in a group failed 400 (tried 7 December)
export const HTTP_SPEC_GROUPS = {
  "escort-service": [
    "escort-bookings",
    "escort-income",
    "escort-live",
    "escort-messaging",
    "escort-privacy",
  ],
  "escort-trust": ["escort-reviews", "escort-training", "escort-cases", "escort-hospitals"],
  affiliate: [
    "affiliate-programme",
    "affiliate-wechat-payout",
    "affiliate-earnings-export",
    "affiliate-miniprogram-code",
  ],
  member: [
    "member-account",
    "member-membership",
    "member-sign-in",
    "member-sign-up",
    "storefront-settings",
    "storefront-journey",
    // Sets WECHAT_OA_* and WECHAT_API_BASE for its own stand-in and restores them after.
    "wechat-official-account",
    // Its real-name checks go to a stand-in it starts and stops: escort bookings in a group
    // with it would find the stand-in gone.
    "escort-admission",
  ],
  "finance-reports": ["finance-summary", "finance-commissions", "finance-reconciliation"],
  "finance-files": [
    "finance-export-large",
    "finance-reconciliation-alipay-unionpay",
    "object-storage",
  ],
  health: [
    "constitution",
    "health-archive",
    "lab-report-findings",
    "kit-status-wechat",
    "seed-reference-and-demo",
    // Points CMS_URL at a CMS stand-in of its own (constitution reads none).
    "constitution-questionnaire-versions",
  ],
  checkout: [
    "checkout-server-run",
    "checkout-promotions",
    "checkout-test-methods",
    "offline-order-payment-gate",
  ],
  // queue-dashboard counts every job in the shared queues: first, before the others add theirs.
  operations: [
    "queue-dashboard",
    "order-business-states",
    "store-ownership",
    "cms-hooks",
    "marketing-pushes",
  ],
  // Each configures its own provider's sandbox; the two providers live side by side in one app.
  "payment-contracts": ["payment-contract-alipay", "payment-contract-unionpay"],
  consultation: ["consultations", "consultation-assessments", "video-calls", "group-sessions"],
}

/**
 * The HTTP jobs for the spec files present (names without `.spec.ts`): `{ name, files }` with
 * `files` in run order; a group's absent files are left out, an emptied group dropped.
 */
export function httpSpecJobs(present) {
  const remaining = new Set(present)
  const jobs = []
  for (const [name, files] of Object.entries(HTTP_SPEC_GROUPS)) {
    const here = files.filter((file) => remaining.delete(file))
    if (here.length > 1) jobs.push({ name: `${name} (${here.join(", ")})`, files: here })
    else if (here.length === 1) jobs.push({ name: here[0], files: here })
  }
  for (const file of remaining) jobs.push({ name: file, files: [file] })
  return jobs
}
