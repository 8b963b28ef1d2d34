/**
 * A share code waits this long for the visitor to sign up or place a first order (the web
 * keeps it in a cookie, the mini-program in its storage).
 */
export const REFERRAL_KEEP_DAYS = 30

export type BindOutcome = "bound" | "none" | { refused: string }

/** Where an app keeps the share code a visitor arrived with. */
export type PendingReferralStore = {
  /** The code, or null when there is none (or it has expired). */
  read(): string | null | Promise<string | null>
  forget(): void | Promise<void>
}

/**
 * Binds a signed-in member to the code they arrived with, at sign-up and at the first order.
 * Whatever commerce answers (bound, already bound, their own code), the code has done its
 * job and is forgotten; only an outage (5xx, no answer) keeps it for the next try.
 */
export async function bindPendingReferral(
  store: PendingReferralStore,
  bind: (code: string) => Promise<unknown>
): Promise<BindOutcome> {
  const code = await store.read()
  if (!code) return "none"
  try {
    await bind(code)
    await store.forget()
    return "bound"
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500
    if (status >= 500) return "none"
    await store.forget()
    return { refused: (error as Error).message }
  }
}
