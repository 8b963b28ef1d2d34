import { createHash } from "crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { passwordResetEmail } from "../notifications/account.zh-CN"
import { publicOrigin } from "../lib/config/public-origins"

type PasswordResetRequested = {
  /** The emailpass identifier: the email address. */
  entity_id: string
  actor_type: string
  token: string
}

/** The token's lifetime in whole minutes, read from its own claims (Medusa sets 15). */
function validMinutes(token: string): number {
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"))
    const minutes = Math.floor((Number(claims.exp) - Number(claims.iat)) / 60)
    return Number.isFinite(minutes) && minutes > 0 ? minutes : 15
  } catch {
    return 15
  }
}

/**
 * Medusa emits `auth.password_reset` for a known email only (its route answers the same
 * either way). Members get a link to the web storefront's 设置新密码 page; staff a link to
 * the Medusa admin's own reset page, which reads `token` (and shows the email from it).
 */
export default async function authPasswordResetEmail({
  event: { data },
  container,
}: SubscriberArgs<PasswordResetRequested>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const audience =
    data.actor_type === "customer" ? "member" : data.actor_type === "user" ? "staff" : null
  if (!audience) {
    logger.warn(`auth.password_reset for actor type ${data.actor_type}: no email is sent`)
    return
  }
  const query = new URLSearchParams({ token: data.token, email: data.entity_id }).toString()
  let link: string
  if (audience === "member") {
    link = `${publicOrigin("storefront")}/account/reset-password?${query}`
  } else {
    // The admin's own backendUrl is "/" (relative): a mail needs the absolute origin.
    const { admin } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
    link = `${publicOrigin("commerce")}${admin.path || "/app"}/reset-password?${query}`
  }

  const notifications = container.resolve(Modules.NOTIFICATION)
  await notifications.createNotifications({
    to: data.entity_id,
    channel: "email",
    template: "password-reset",
    trigger_type: "auth.password_reset",
    // Rendered here and passed as content, which the module does not store: `data` is kept
    // in its table and readable by staff, and the link signs its holder in.
    data: { audience },
    content: passwordResetEmail({ audience, link, validMinutes: validMinutes(data.token) }),
    // A redelivered event sends nothing twice; the key is a hash, never the token.
    idempotency_key: `password-reset-${createHash("sha256").update(data.token).digest("hex")}`,
  })
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
}
