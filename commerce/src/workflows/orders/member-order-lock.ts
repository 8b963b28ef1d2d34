/** One lock per order for every member change (edit, cancel): they run one at a time. */
export const memberOrderLockKey = (orderId: string) => `member-order-change:${orderId}`
