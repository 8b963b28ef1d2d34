import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { alipayApi } from "../../lib/api"
import { downloadAlipayBill, type AlipayBillDay } from "../../lib/bills"

/**
 * The day's 业务明细账单 from Alipay, its download URL signature-checked by the SDK, unzipped
 * and parsed from GBK. A day without a bill (isp.bill_not_exist) is an empty day.
 */
export const downloadAlipayBillStep = createStep(
  "alipay-download-bill",
  async ({ bill_date }: { bill_date: string }) => {
    const { client } = alipayApi()
    return new StepResponse<AlipayBillDay>(await downloadAlipayBill(client, bill_date))
  }
)
