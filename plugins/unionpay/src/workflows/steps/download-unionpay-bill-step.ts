import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { unionpayApi } from "../../lib/api"
import { downloadUnionpayBill, type UnionpayBillDay } from "../../lib/bills"

/**
 * The day's 对账文件 from UnionPay's file host, its answer verified (certificate chain and
 * signature), unpacked and its 流水文件 parsed. A day without a file (98) is an empty day.
 */
export const downloadUnionpayBillStep = createStep(
  "unionpay-download-bill",
  async ({ bill_date }: { bill_date: string }) => {
    const { config } = unionpayApi()
    return new StepResponse<UnionpayBillDay>(await downloadUnionpayBill(config, bill_date))
  }
)
