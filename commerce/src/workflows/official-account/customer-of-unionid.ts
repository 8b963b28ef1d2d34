import type { IAuthModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * The member who signed in with WeChat (the mini-program) as the person of `unionid`: the
 * wechat auth provider keys its identities `unionid:<unionid>` when WeChat gives one, and
 * the auth identity names its customer. Null when nobody did.
 */
export async function customerOfUnionid(
  container: MedusaContainer,
  unionid: string
): Promise<string | null> {
  const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
  const identities = await auth.listProviderIdentities(
    { provider: "wechat", entity_id: `unionid:${unionid}` },
    { relations: ["auth_identity"], take: 1 }
  )
  const customerId = identities[0]?.auth_identity?.app_metadata?.customer_id
  return typeof customerId === "string" && customerId ? customerId : null
}
