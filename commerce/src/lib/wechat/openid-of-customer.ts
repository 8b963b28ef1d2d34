import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The mini-program openid a member signed in with (kept by the wechat auth provider in
 * the provider identity's user_metadata), or null for members who never used WeChat.
 * Read with SQL: the auth module has no filter on app_metadata.customer_id.
 */
export async function openidOfCustomer(
  container: MedusaContainer,
  customerId: string
): Promise<string | null> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const row = await knex("provider_identity as pi")
    .join("auth_identity as ai", "ai.id", "pi.auth_identity_id")
    .where("pi.provider", "wechat")
    .whereNull("pi.deleted_at")
    .whereRaw("ai.app_metadata->>'customer_id' = ?", [customerId])
    .orderBy("pi.created_at", "desc")
    .first("pi.user_metadata")
  const openid = (row?.user_metadata as { openid?: string } | null)?.openid
  return openid || null
}
