import type { MedusaContainer } from "@medusajs/framework/types"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../../modules/wechat-official-account"
import type WechatOfficialAccountModuleService from "../../../modules/wechat-official-account/service"

export const officialAccountOf = (scope: MedusaContainer) =>
  scope.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
