import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wechatpayApi } from "../../lib/api"
import { downloadBill, parseBill, tradeLinesOf, type WechatBillDay } from "../../lib/bills"

/**
 * The day's 交易账单 (ALL) and 资金账单 from WeChat, each hash-checked and parsed. A day
 * without bills (NO_STATEMENT_EXIST) is an empty day, not an error.
 */
export const downloadWechatBillStep = createStep(
  "wechatpay-download-bill",
  async ({ bill_date }: { bill_date: string }) => {
    const { client } = wechatpayApi()
    const trade = await downloadBill(client, "trade", bill_date)
    const fundflow = await downloadBill(client, "fundflow", bill_date)
    const tradeBill = parseBill(trade ?? "")
    const fundflowBill = parseBill(fundflow ?? "")
    return new StepResponse<WechatBillDay>({
      bill_date,
      exists: trade !== null,
      trades: tradeLinesOf(tradeBill),
      trade_summary: tradeBill.summary,
      fundflow: fundflowBill.rows,
      fundflow_summary: fundflowBill.summary,
    })
  }
)
