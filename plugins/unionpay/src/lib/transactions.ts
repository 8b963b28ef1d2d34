import { withoutBlanks, type AcpFields } from "./acp-signature"
import { ACP_PATHS, callUnionpay, UnionpayApiError } from "./client"
import type { UnionpayConfig } from "./config"
import { commonFields } from "./messages"

/** queryTrans.do's word on one transaction of ours (a consumption, refund or void). */
export type UnionpayQueryAnswer = {
  found: boolean
  origRespCode?: string
  queryId?: string
  /** Fen. */
  txnAmt?: number
}

/** origRespCode values of a transaction UnionPay is still processing. */
export const PROCESSING_RESP_CODES = ["03", "04", "05"]

/**
 * queryTrans.do (txnType 00) for any transaction of ours by orderId + txnTime; respCode 34
 * means UnionPay has none (the cashier was never paid at).
 */
export async function queryTransaction(
  config: UnionpayConfig,
  orderId: string,
  txnTime: string
): Promise<UnionpayQueryAnswer> {
  const answer = await callUnionpay(
    config,
    ACP_PATHS.query,
    withoutBlanks({
      ...commonFields(config),
      txnType: "00",
      txnSubType: "00",
      bizType: "000201",
      orderId,
      txnTime,
    })
  )
  if (answer.respCode === "34") return { found: false }
  if (answer.respCode !== "00") {
    throw new UnionpayApiError(
      answer.respCode ?? "",
      `银联查询失败：${answer.respCode} ${answer.respMsg ?? ""}`
    )
  }
  if (answer.merId !== config.merId || answer.orderId !== orderId)
    throw new UnionpayApiError(answer.respCode, "银联查询应答与请求不符")
  return {
    found: true,
    origRespCode: answer.origRespCode,
    queryId: answer.queryId,
    txnAmt: answer.txnAmt ? Number(answer.txnAmt) : undefined,
  }
}

/** A back-end transaction on a paid consumption: 退货 (04) or 消费撤销 (31). */
export function backTransaction(
  config: UnionpayConfig,
  fields: {
    txnType: "04" | "31"
    orderId: string
    txnTime: string
    txnAmt: string
    origQryId: string
    channelType: string
  }
): Promise<AcpFields> {
  return callUnionpay(
    config,
    ACP_PATHS.back,
    withoutBlanks({
      ...commonFields(config),
      txnSubType: "00",
      bizType: "000201",
      backUrl: config.notifyUrl,
      ...fields,
    })
  )
}
