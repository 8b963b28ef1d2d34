import type { MedusaContainer } from "@medusajs/framework/types"
import { WECHAT_PLATFORM_MODULE } from "./index"
import type WechatPlatformModuleService from "./service"

/** The mini-program openid a member signed in with, or null (see the service). */
export function openidOfCustomer(
  container: MedusaContainer,
  customerId: string
): Promise<string | null> {
  return container
    .resolve<WechatPlatformModuleService>(WECHAT_PLATFORM_MODULE)
    .openidOfCustomer(customerId)
}
