/** One payment, refund or status move of a consultation at a time. */
export const consultationLockKey = (id: string) => `consultation:${id}`

/** Line item and cart metadata naming the consultation an order pays for. */
export const CONSULTATION_LINE_KEY = "consultation_id"
