// Which commerce HTTP spec files `npm test` runs on one booted app (commerce/integration-tests/
// helpers/spec-group.ts): a boot costs each file 25 to 50 s on this machine, two fifths of the
// HTTP lane when every file booted its own. A file in no group runs alone, and so does every
// new file until it is placed here. Files stay out of groups, or share one only with files
// their change cannot reach, when they change the app for everyone in it:
//   health-endpoints: points the app at a Redis hop it cuts, as a server-only process: alone
//   sign-in-limits: counts every wrong password and SMS code per address in the shared Redis,
//     which a database restore does not reset: any file before it that signs in wrongly from
//     127.0.0.1 moves its counts, and one after it finds the address capped: alone
//   payment-contract-wechatpay: its sandbox keys differ from wechatpay-checkout's
//   escort-dispatch: its dispatch sweep runs every 500 ms (ESCORT_DISPATCH_SWEEP_MS): only with
//     files that book no escort
//   request-logs: logs every request as JSON at info level
//   search: points the app's search at a Meilisearch that is not there: only with files that
//     do not search
//   password-reset: other public URLs for the storefront and commerce
//   operations-dashboard: four seats a clinic slot (APPOINTMENT_SLOT_CAPACITY): not with
//     appointments, and first in its group, since search's and others' beforeAll move CMS_URL
//   appointments: reminders 1.5 s after booking, sent whichever file booked
//   escort-persons: boots the app against its 实名认证 stand-in, which is not up until its own
//     beforeAll: every escort booking of a file before it in a group failed 400 (tried
//     7 December), so it comes first, in a group that books no escort
// Each group was run together before it was written here (7 December: 61 files in 16 jobs).
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
    // Books no escort: its 500 ms dispatch sweep changes nothing here.
    "escort-dispatch",
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
    "wechatpay-checkout",
  ],
  // queue-dashboard counts every job in the shared queues: first, before the others add theirs.
  operations: [
    "queue-dashboard",
    "order-business-states",
    "store-ownership",
    "cms-hooks",
    "marketing-pushes",
  ],
  // Each configures its own provider's sandbox; the providers live side by side in one app.
  "payment-contracts": [
    "payment-contract-alipay",
    "payment-contract-unionpay",
    "payment-contract-wechatpay",
  ],
  // The two walks over every registered route (role × route matrix, fuzzing).
  "route-walks": ["staff-access", "fuzz-routes"],
  // Files that each change one thing the others do not touch (see above).
  "app-settings": ["operations-dashboard", "password-reset", "request-logs", "search"],
  "identity-and-appointments": ["escort-persons", "appointments"],
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
