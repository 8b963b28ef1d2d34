import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import UnionpayProviderService from "./service"

/** The provider's id in Medusa: registered as `unionpay` by the payment module. */
export const UNIONPAY_PROVIDER_ID = "pp_unionpay_unionpay"

export type {
  UnionpayChannel,
  UnionpayPaymentAction,
  UnionpayRefund,
  UnionpayRefundStatus,
  UnionpaySessionData,
} from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [UnionpayProviderService],
})
