import { parseAcpResponse, encodeForm } from "./acp-form"
import type { AcpFields } from "./acp-signature"
import type { UnionpayConfig } from "./config"
import { signRequest, verifyUnionpayMessage } from "./messages"

/** Where ACP's server-to-server transactions go, under the gateway. */
export const ACP_PATHS = {
  front: "/gateway/api/frontTransReq.do",
  back: "/gateway/api/backTransReq.do",
  query: "/gateway/api/queryTrans.do",
} as const

export class UnionpayApiError extends Error {
  constructor(
    readonly respCode: string,
    message: string
  ) {
    super(message)
    this.name = "UnionpayApiError"
  }
}

/**
 * Posts a signed request form to backTransReq.do or queryTrans.do and returns the answer
 * only once its certificate chain and signature verified. An answer without a signature is
 * UnionPay refusing the request itself (bad format or merchant signature); it is reported
 * by respCode, never trusted for anything else.
 */
export async function callUnionpay(
  config: UnionpayConfig,
  path: (typeof ACP_PATHS)["back" | "query"],
  fields: AcpFields,
  fetchImpl: typeof fetch = fetch
): Promise<AcpFields> {
  const response = await fetchImpl(`${config.gateway}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: encodeForm(signRequest(fields, config)),
    signal: AbortSignal.timeout(20_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`UnionPay ${path} answered HTTP ${response.status}`)
  const answer = parseAcpResponse(text)
  if (!answer.signature) {
    throw new UnionpayApiError(
      answer.respCode ?? "",
      `银联拒绝了请求（${answer.respCode ?? "?"} ${answer.respMsg ?? text.slice(0, 80)}）`
    )
  }
  const verdict = verifyUnionpayMessage(answer, config)
  if (!verdict.ok) throw new Error(`UnionPay answer failed verification: ${verdict.reason}`)
  return answer
}
