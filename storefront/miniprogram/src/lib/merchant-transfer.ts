import { messages, type MerchantTransfer } from "@health/core"
import { isWeapp } from "./config"

/** WeChat's answer: `errMsg` in the mini-program, `err_msg` from WeixinJSBridge. */
type ClientResult = { errMsg?: string; err_msg?: string }
type TransferParams = { mchId: string; appId: string; package: string }

type MiniProgramApi = {
  canIUse?: (name: string) => boolean
  requestMerchantTransfer?: (
    option: TransferParams & {
      success: (result: ClientResult) => void
      fail: (result: ClientResult) => void
    }
  ) => void
}
type Bridge = {
  invoke(
    name: "requestMerchantTransfer",
    params: TransferParams,
    done: (result: ClientResult) => void
  ): void
}

// Taro neither wraps nor types wx.requestMerchantTransfer (base library 3.3.0), so the
// mini-program's own global is used; it does not exist in the H5 build.
declare const wx: MiniProgramApi | undefined

export type TransferOutcome = {
  state: "confirmed" | "cancelled" | "failed" | "unavailable"
  message: string
}

const outcomeOf = (result: ClientResult): TransferOutcome => {
  const answer = result.err_msg ?? result.errMsg ?? ""
  if (answer === "requestMerchantTransfer:ok")
    return { state: "confirmed", message: messages.affiliate.receiptConfirmed }
  if (/cancel/.test(answer))
    return { state: "cancelled", message: messages.affiliate.receiptCancelled }
  return { state: "failed", message: messages.affiliate.receiptFailed }
}

const unavailable = (message: string): TransferOutcome => ({ state: "unavailable", message })

/**
 * Opens WeChat's 确认收款 page for a 商家转账 waiting for the member: wx.requestMerchantTransfer
 * in the mini-program, WeixinJSBridge "requestMerchantTransfer" in WeChat's browser (H5).
 * "confirmed" means the member went through WeChat's page, not that the money arrived:
 * WeChat reports that to commerce, so the caller refreshes until the withdrawal moves on.
 */
export function requestMerchantTransfer(transfer: MerchantTransfer): Promise<TransferOutcome> {
  const params = { mchId: transfer.mch_id, appId: transfer.app_id, package: transfer.package }
  if (isWeapp()) {
    const api = typeof wx === "undefined" ? undefined : wx
    if (!api?.requestMerchantTransfer || api.canIUse?.("requestMerchantTransfer") === false) {
      return Promise.resolve(unavailable(messages.affiliate.wechatTooOld))
    }
    const open = api.requestMerchantTransfer
    return new Promise((resolve) =>
      open.call(api, {
        ...params,
        success: (result) => resolve(outcomeOf(result)),
        fail: (result) => resolve(outcomeOf(result)),
      })
    )
  }
  return whenBridgeReady().then((bridge) =>
    bridge
      ? new Promise((resolve) =>
          bridge.invoke("requestMerchantTransfer", params, (result) => resolve(outcomeOf(result)))
        )
      : unavailable(messages.affiliate.openInWechat)
  )
}

const BRIDGE_WAIT_MS = 3000

/** WeChat's browser injects its bridge late; anywhere else it never comes. */
function whenBridgeReady(): Promise<Bridge | null> {
  const current = () => (window as { WeixinJSBridge?: Bridge }).WeixinJSBridge ?? null
  if (current() || !/MicroMessenger/i.test(navigator.userAgent)) return Promise.resolve(current())
  return new Promise((resolve) => {
    const ready = () => {
      clearTimeout(timer)
      resolve(current())
    }
    const timer = setTimeout(() => {
      document.removeEventListener("WeixinJSBridgeReady", ready)
      resolve(current())
    }, BRIDGE_WAIT_MS)
    document.addEventListener("WeixinJSBridgeReady", ready, { once: true })
  })
}
