"use client"

import { useCallback, useEffect, useState } from "react"

type BridgeResult = { err_msg?: string }
type WeixinJSBridge = {
  invoke(name: "getBrandWCPayRequest", params: object, done: (result: BridgeResult) => void): void
}
declare global {
  interface Window {
    WeixinJSBridge?: WeixinJSBridge
  }
}

const OUTCOME: Record<string, string> = {
  "get_brand_wcpay_request:ok": "支付完成，正在确认结果…",
  "get_brand_wcpay_request:cancel": "已取消支付，可再次点击付款",
  "get_brand_wcpay_request:fail": "支付未成功，请稍后重试或返回购物车",
}

/**
 * Opens WeChat Pay inside WeChat's browser with the provider's signed JSAPI parameters,
 * at once and again from the button. WeChat injects its bridge late, so this waits for
 * WeixinJSBridgeReady. The waiting component beside it moves on when the money arrives.
 */
export function WechatBridgePay({ params }: { params: Record<string, string> }) {
  const [message, setMessage] = useState("正在打开微信支付…")
  const [busy, setBusy] = useState(false)

  const pay = useCallback(() => {
    const bridge = window.WeixinJSBridge
    if (!bridge) {
      setMessage("请在微信中打开本页完成支付")
      return
    }
    setBusy(true)
    bridge.invoke("getBrandWCPayRequest", params, (result) => {
      setBusy(false)
      setMessage(OUTCOME[result.err_msg ?? ""] ?? "支付未成功，请稍后重试")
    })
  }, [params])

  useEffect(() => {
    // Opened right away when the bridge is there, else as soon as WeChat injects it.
    const opening = window.WeixinJSBridge ? setTimeout(pay, 0) : undefined
    if (!opening) document.addEventListener("WeixinJSBridgeReady", pay, { once: true })
    // Outside WeChat the bridge never comes: say so instead of waiting forever.
    const notInWechat = setTimeout(() => {
      if (!window.WeixinJSBridge) setMessage("请在微信中打开本页完成支付")
    }, 3000)
    return () => {
      clearTimeout(opening)
      clearTimeout(notInWechat)
      document.removeEventListener("WeixinJSBridgeReady", pay)
    }
  }, [pay])

  return (
    <div className="wechat-bridge-pay" data-testid="wechat-bridge-pay">
      <p role="status">{message}</p>
      <button type="button" className="button primary block" onClick={pay} disabled={busy}>
        {busy ? "正在支付…" : "微信支付"}
      </button>
    </div>
  )
}
