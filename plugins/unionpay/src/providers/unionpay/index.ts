import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import UnionpayProviderService from "./service"

/** The provider's id in Medusa: registered as `unionpay` by the payment module. */
export { UNIONPAY_PROVIDER_ID } from "../../lib/provider-id"

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
