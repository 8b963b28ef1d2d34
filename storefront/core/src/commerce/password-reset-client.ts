import { commerceFileRequester, commerceRequester, type CommerceClientOptions } from "./request"

const noStore = { cacheHint: "no-store" as const }
const json = (body: unknown) => ({ method: "POST", body: JSON.stringify(body), ...noStore })

/**
 * A member who forgot the password: commerce mails a link to the storefront's 设置新密码
 * page (Medusa's emailpass reset), whose token sets the new password once.
 */
export function createPasswordResetClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const requestRaw = commerceFileRequester(options)
  return {
    /**
     * Asks for the mail. Commerce answers the same whether or not the email is registered,
     * so the caller can only say "if it is registered, a link was sent".
     */
    async requestPasswordReset(email: string): Promise<void> {
      // Medusa answers 201 with a plain-text body, not JSON.
      await requestRaw(
        "/auth/customer/emailpass/reset-password",
        json({ identifier: email.trim() })
      )
    },

    /** Sets the new password with the link's token; the token is spent on success. */
    async resetPassword(token: string, password: string): Promise<void> {
      await request("/auth/customer/emailpass/update", { ...json({ password }), token })
    },
  }
}
