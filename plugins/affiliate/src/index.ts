/**
 * The plugin's public surface besides its module, workflows and admin: what the shop's own
 * code reads (finance statements, the queue dashboard, tests of the maturation safety net).
 * Everything else is internal.
 */
export { KIND_ZH } from "./api/views"
export { default as matureAffiliateCommissions } from "./jobs/mature-affiliate-commissions"
export { MATURATION_QUEUE } from "./lib/maturation-queue"
export { maskedMemberLabel, maskEmail, maskName, maskPhone } from "./lib/mask"
