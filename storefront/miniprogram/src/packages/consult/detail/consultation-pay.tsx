import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { formatCNY, PAYMENT_PROVIDER_IDS, type PaymentAction } from "@health/core"
import { useState } from "react"
import { consultations, member } from "../../../lib/clients"
import { isWeapp } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { paymentOutcome, requestWechatPayment } from "../../../lib/payment"
import { CONSULT_TEXT } from "../consult-text"

/** What this page itself tells the member (cancelled, timed out); anything else is explained. */
class PayProblem extends Error {}

/**
 * 微信支付 for a consultation, as escort bookings pay in the mini-program: commerce opens a cart
 * of its own and answers the JSAPI parameters (or, in a browser, the pay page); the consultation
 * moves to 待接诊 only on WeChat's verified notification, so this asks commerce what happened.
 */
export function ConsultationPay(props: {
  token: string
  consultationId: string
  amountFen: number
  onPaid: () => Promise<void>
}) {
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [h5Action, setH5Action] = useState<{ cartId: string; action: PaymentAction } | null>(null)

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await work()
    } catch (error) {
      setProblem(error instanceof PayProblem ? error.message : explainError(error))
    } finally {
      setBusy(false)
    }
  }

  const settle = async (cartId: string, attempts: number) => {
    const paid = await paymentOutcome(cartId, props.token, attempts)
    if (paid.status === "ended") throw new PayProblem(paid.message)
    if (paid.status !== "paid") throw new PayProblem("正在确认支付结果，请稍后刷新")
    setH5Action(null)
    Taro.showToast({ title: CONSULT_TEXT.paid, icon: "success" })
    await props.onPaid()
  }

  const pay = () =>
    run(async () => {
      const openid = isWeapp()
        ? ((await member.me(props.token)).metadata?.wechat_openid as string | undefined)
        : undefined
      if (isWeapp() && !openid) throw new PayProblem("请先用微信登录后再支付")
      const { action, cart_id } = await consultations.pay(props.token, props.consultationId, {
        payment_method: {
          provider_id: PAYMENT_PROVIDER_IDS.wechatpay,
          channel: isWeapp() ? "miniprogram" : "mobile_browser",
          ...(openid && { openid }),
        },
      })
      if (action.kind === "none") return props.onPaid()
      if (!isWeapp()) return setH5Action({ cartId: cart_id, action })
      try {
        await requestWechatPayment(action)
      } catch (error) {
        const cancelled = /cancel/i.test(String((error as { errMsg?: string }).errMsg ?? ""))
        throw new PayProblem(cancelled ? CONSULT_TEXT.payCancelled : explainError(error))
      }
      await settle(cart_id, 5)
    })

  return (
    <View className="section" data-testid="consultation-pay">
      <View className="row">
        <Text>应付</Text>
        <Text className="price">{formatCNY(props.amountFen / 100)}</Text>
      </View>
      {h5Action?.action.kind === "redirect" ? (
        <View>
          <Text className="muted">请在微信中打开支付页面完成付款：</Text>
          <Text data-testid="h5-pay-url" selectable>
            {h5Action.action.url}
          </Text>
          <Button disabled={busy} onClick={() => run(() => settle(h5Action.cartId, 1))}>
            我已完成支付
          </Button>
        </View>
      ) : null}
      {problem ? (
        <Text className="error-text" data-testid="consultation-pay-error">
          {problem}
        </Text>
      ) : null}
      {h5Action ? null : (
        <Button
          className="btn-primary"
          data-testid="consultation-pay-button"
          disabled={busy}
          onClick={pay}
        >
          微信支付
        </Button>
      )}
    </View>
  )
}
