/** Hours a doctor has to answer a paid text consultation (CONSULTATION_ANSWER_HOURS, 24). */
export function answerHours(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.CONSULTATION_ANSWER_HOURS || 24)
  return Number.isFinite(hours) && hours > 0 ? hours : 24
}

/** When the doctor must have answered, counted from the payment. */
export function answerDueAt(paidAt: Date, hours = answerHours()): Date {
  return new Date(paidAt.getTime() + Math.round(hours * 3_600_000))
}

/** Minutes a consultation waits for payment before it is cancelled (CONSULTATION_PAYMENT_MINUTES, 30). */
export function paymentMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.CONSULTATION_PAYMENT_MINUTES || 30)
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 30
}
