import { ALIPAY_PROVIDER_ID } from "@health/medusa-plugin-alipay"
import { UNIONPAY_PROVIDER_ID } from "@health/medusa-plugin-unionpay"
import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { reconcileAlipayBillWorkflow } from "./reconcile-alipay-bill"
import { reconcileUnionpayBillWorkflow } from "./reconcile-unionpay-bill"
import { reconcileWechatBillWorkflow } from "./reconcile-wechat-bill"

/** A provider whose daily bill finance reconciles: its name, when the bill is out, its workflow. */
export type BillProvider = {
  name: string
  /** Beijing hour from which the provider has published yesterday's bill. */
  ready_hour: number
  workflow:
    | typeof reconcileWechatBillWorkflow
    | typeof reconcileAlipayBillWorkflow
    | typeof reconcileUnionpayBillWorkflow
}

export const BILL_PROVIDERS: Record<string, BillProvider> = {
  // WeChat publishes a day's bills from 10:00 the next morning.
  [WECHATPAY_PROVIDER_ID]: {
    name: "微信支付",
    ready_hour: 10,
    workflow: reconcileWechatBillWorkflow,
  },
  // Alipay's 业务明细 is ready from 9:00; UnionPay's 对账文件 likewise the next morning.
  [ALIPAY_PROVIDER_ID]: { name: "支付宝", ready_hour: 9, workflow: reconcileAlipayBillWorkflow },
  [UNIONPAY_PROVIDER_ID]: { name: "银联", ready_hour: 9, workflow: reconcileUnionpayBillWorkflow },
}

export const BILL_PROVIDER_IDS = Object.keys(BILL_PROVIDERS)

/** A provider is reconciled only when the shop takes it (its payment provider is registered). */
export async function billProviderConfigured(container: MedusaContainer, providerId: string) {
  const [provider] = await container
    .resolve<IPaymentModuleService>(Modules.PAYMENT)
    .listPaymentProviders({ id: providerId, is_enabled: true })
  return !!provider
}
