import type { KeyObject } from "crypto"
import { nonce, signLines } from "./signature"

export type RequestPaymentParams = {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: "RSA"
  paySign: string
}

/** The complete `wx.requestPayment` parameters; paySign covers `appId\ntimeStamp\nnonceStr\npackage\n`. */
export function requestPaymentParams(
  appId: string,
  prepayId: string,
  privateKey: KeyObject | string,
  timestamp = Math.floor(Date.now() / 1000),
  nonceStr = nonce()
): RequestPaymentParams {
  const pkg = `prepay_id=${prepayId}`
  return {
    appId,
    timeStamp: String(timestamp),
    nonceStr,
    package: pkg,
    signType: "RSA",
    paySign: signLines([appId, String(timestamp), nonceStr, pkg], privateKey),
  }
}
