import { decryptResource, type EncryptedResource } from "./aead"
import type { WechatpayClient } from "./client"
import type { WechatpayConfig } from "./config"
import { verifyWechatpaySignature } from "./signature"

/**
 * 商家转账 (merchant transfer to a user's WeChat balance, the 2025 API): the merchant
 * creates a bill, the user confirms receipt in WeChat (wx.requestMerchantTransfer with
 * `package_info`), and WeChat reports the outcome with a MCHTRANSFER.BILL.FINISHED
 * callback. `SUCCESS`, `FAIL` and `CANCELLED` are final.
 */
export type TransferBillState =
  | "ACCEPTED"
  | "PROCESSING"
  | "WAIT_USER_CONFIRM"
  | "TRANSFERING"
  | "SUCCESS"
  | "FAIL"
  | "CANCELING"
  | "CANCELLED"

export type TransferBill = {
  out_bill_no: string
  transfer_bill_no: string
  state: TransferBillState
  transfer_amount?: number
  openid?: string
  fail_reason?: string
  package_info?: string
  create_time?: string
  update_time?: string
}

/** Emitted (by the callback route) for every genuine transfer outcome. */
export const TRANSFER_FINISHED_EVENT = "wechatpay.transfer_bill.finished"

export const FINAL_TRANSFER_STATES: TransferBillState[] = ["SUCCESS", "FAIL", "CANCELLED"]

/** The scene our payouts are reported under: 佣金报酬 (commission paid to promoters). */
export const COMMISSION_SCENE_ID = "1005"

/** WeChat's 商户单号 allows letters and digits only, at most 32. */
export function outBillNoFor(payoutId: string): string {
  const cleaned = payoutId.replace(/[^A-Za-z0-9]/g, "")
  if (cleaned.length < 5 || cleaned.length > 32) {
    throw new Error(`cannot derive a WeChat out_bill_no from "${payoutId}"`)
  }
  return cleaned
}

/** Where WeChat reports transfer outcomes: the payment callback's host, its own path. */
export function transferNotifyUrl(config: WechatpayConfig): string {
  return new URL("/hooks/wechatpay/transfer", config.notifyUrl).toString()
}

/**
 * What scene 1005 (佣金报酬) reports to WeChat about the payee: their role and what the
 * money is for. By default an affiliate's commission; other payees (escorts) name theirs.
 */
export type TransferSceneReport = { role: string; description: string }

const COMMISSION_REPORT: TransferSceneReport = { role: "推广员", description: "分销佣金提现" }

export async function createTransferBill(
  client: WechatpayClient,
  config: WechatpayConfig,
  input: {
    out_bill_no: string
    openid: string
    amount: number
    remark: string
    report?: TransferSceneReport
  }
): Promise<TransferBill> {
  if (!Number.isInteger(input.amount) || input.amount <= 0) {
    throw new Error("transfer amount must be a positive whole number of fen")
  }
  const { data } = await client.request<TransferBill>(
    "POST",
    "/v3/fund-app/mch-transfer/transfer-bills",
    {
      appid: config.appid,
      out_bill_no: input.out_bill_no,
      transfer_scene_id: COMMISSION_SCENE_ID,
      openid: input.openid,
      transfer_amount: input.amount,
      // WeChat shows the remark to the user; it allows 32 characters.
      transfer_remark: input.remark.slice(0, 32),
      notify_url: transferNotifyUrl(config),
      user_recv_perception: "劳务报酬",
      transfer_scene_report_infos: [
        { info_type: "岗位类型", info_content: (input.report ?? COMMISSION_REPORT).role },
        { info_type: "报酬说明", info_content: (input.report ?? COMMISSION_REPORT).description },
      ],
    }
  )
  return data
}

export async function queryTransferBill(
  client: WechatpayClient,
  outBillNo: string
): Promise<TransferBill> {
  const { data } = await client.request<TransferBill>(
    "GET",
    `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}`
  )
  return data
}

/**
 * A transfer callback, verified (signature by a known WeChat key, at most five minutes
 * old) and decrypted; null when it is not a genuine MCHTRANSFER.BILL.FINISHED.
 */
export function readTransferNotification(
  config: WechatpayConfig,
  headers: Record<string, unknown>,
  rawBody: string
): TransferBill | null {
  if (!verifyWechatpaySignature(headers, rawBody, config.verificationKeys).ok) return null
  let event: { event_type?: string; resource?: EncryptedResource }
  try {
    event = JSON.parse(rawBody)
  } catch {
    return null
  }
  if (event.event_type !== "MCHTRANSFER.BILL.FINISHED" || !event.resource) return null
  return JSON.parse(decryptResource(event.resource, config.apiV3Key)) as TransferBill
}
