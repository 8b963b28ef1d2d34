import { Button, Checkbox, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { messages, type MemberAddressInput } from "@health/core"
import { useEffect, useState } from "react"
import { Field } from "../../../components/field"
import { Price } from "../../../components/price"
import { StateView } from "../../../components/state-view"
import { currentCart } from "../../../lib/cart"
import { checkout, member } from "../../../lib/clients"
import { isWeapp } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { go, routes } from "../../../lib/navigate"
import { requestWechatPayment } from "../../../lib/payment"
import { checkoutProblem, placeOrder, type PaymentStep } from "../../../lib/place-order"
import { session } from "../../../lib/session"
import { useLoad } from "../../../lib/use-load"

const WAITING_FOR_PAYMENT = "尚未收到微信支付结果，请完成支付后再试"

/**
 * The order once the cart is paid, else null. Completing is idempotent; an unpaid cart
 * answers "cart" or a 4xx (the session is not authorized yet), as the web's status poll reads it.
 */
async function completedOrder(cartId: string, token: string, attempts: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      const done = await checkout.complete(cartId, token)
      if (done.type === "order") return done.order
    } catch (error) {
      if (((error as { status?: number }).status ?? 500) >= 500) throw error
    }
    if (attempt >= attempts) return null
    await new Promise((resolve) => setTimeout(resolve, 1500))
  }
}

const ADDRESS_FIELDS: [keyof MemberAddressInput, string, string][] = [
  ["name", "收货人", "姓名"],
  ["phone", "手机号", "11 位手机号"],
  ["province", "省份", "如 湖南省"],
  ["city", "城市", "如 岳阳市"],
  ["district", "区县", "如 岳阳楼区"],
  ["street", "详细地址", "街道、门牌号"],
]

const EMPTY_ADDRESS: MemberAddressInput = {
  name: "",
  phone: "",
  province: "",
  city: "",
  district: "",
  street: "",
}

export default function Checkout() {
  const token = session.token()
  useEffect(() => {
    if (!token) Taro.redirectTo({ url: routes.login(routes.checkout) })
  }, [token])
  const { result, reload } = useLoad(async () => {
    const [cart, me, book] = await Promise.all([
      currentCart(),
      member.me(token!),
      member.addresses.list(token!),
    ])
    return { cart, me, address: book[0] ?? null }
  }, [token])

  return (
    <View className="page" data-testid="checkout">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(data) => !data.cart || data.cart.items.length === 0}
        empty={<Text>{messages.cart.empty}</Text>}
      >
        {({ cart, me, address }) => (
          <CheckoutForm
            cartId={cart!.id}
            subtotal={cart!.item_subtotal ?? cart!.subtotal}
            token={token!}
            defaultEmail={me.email ?? ""}
            openid={me.metadata?.wechat_openid as string | undefined}
            address={address ?? EMPTY_ADDRESS}
          />
        )}
      </StateView>
    </View>
  )
}

function CheckoutForm(props: {
  cartId: string
  subtotal: number | string | undefined
  token: string
  defaultEmail: string
  openid?: string
  address: MemberAddressInput
}) {
  const [email, setEmail] = useState(props.defaultEmail)
  const [address, setAddress] = useState<MemberAddressInput>(props.address)
  const [consent, setConsent] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [step, setStep] = useState<PaymentStep | null>(null)

  async function submit() {
    const input = { email, address, consent }
    const invalid = checkoutProblem(input)
    if (invalid) return setProblem(invalid)
    setBusy(true)
    setProblem(null)
    try {
      setStep(await placeOrder(props.cartId, props.token, input, props.openid))
    } catch (error) {
      setProblem(
        error instanceof Error && !("status" in error) ? error.message : explainError(error)
      )
    } finally {
      setBusy(false)
    }
  }

  async function finish() {
    setBusy(true)
    setProblem(null)
    try {
      if (isWeapp() && step) {
        try {
          await requestWechatPayment(step.payment)
        } catch (error) {
          const cancelled = /cancel/i.test(String((error as { errMsg?: string }).errMsg ?? ""))
          setProblem(cancelled ? "已取消支付，订单将为您保留" : explainError(error))
          return
        }
      }
      // WeChat's confirmation reaches commerce by callback: in WeChat give it a few moments.
      const order = await completedOrder(props.cartId, props.token, isWeapp() ? 5 : 1)
      if (!order) return setProblem(WAITING_FOR_PAYMENT)
      session.clearCart()
      Taro.showToast({ title: "支付成功", icon: "success" })
      await Taro.redirectTo({ url: routes.orders })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  if (step) {
    return (
      <View className="section" data-testid="payment-step">
        <Text className="section__title">微信支付</Text>
        <View className="row">
          <Text>{messages.cart.total}</Text>
          <Price amount={step.total} testId="pay-amount" />
        </View>
        <Text className="muted" data-testid="trade-no">
          商户单号 {step.payment.out_trade_no}
        </Text>
        {isWeapp() ? null : step.payment.h5_url ? (
          <View>
            <Text className="muted">请在微信中打开支付页面完成付款：</Text>
            <Text data-testid="h5-pay-url" selectable>
              {step.payment.h5_url}
            </Text>
          </View>
        ) : null}
        {problem ? (
          <Text className="error-text" data-testid="checkout-error">
            {problem}
          </Text>
        ) : null}
        <Button className="btn-primary" data-testid="pay" disabled={busy} onClick={finish}>
          {isWeapp() ? "微信支付" : "我已完成支付"}
        </Button>
      </View>
    )
  }

  return (
    <View data-testid="checkout-form">
      <View className="section">
        <Text className="section__title">联系方式</Text>
        <Field label="邮箱（接收订单与报告通知）">
          <Input
            className="field__input"
            placeholder="邮箱"
            value={email}
            onInput={(e) => setEmail(e.detail.value)}
          />
        </Field>
      </View>
      <View className="section">
        <Text className="section__title">收货地址</Text>
        {ADDRESS_FIELDS.map(([key, label, placeholder]) => (
          <Field key={key} label={label}>
            <Input
              className="field__input"
              placeholder={placeholder}
              value={String(address[key] ?? "")}
              onInput={(e) => setAddress({ ...address, [key]: e.detail.value })}
            />
          </Field>
        ))}
        <Text className="muted">检测盒寄送到此地址；采集点现场采集请在网页版预约。</Text>
      </View>
      <View className="section">
        <View className="row">
          <Text>{messages.cart.subtotal}</Text>
          <Price amount={props.subtotal} />
        </View>
        <View className="row">
          <Checkbox
            value="consent"
            checked={consent}
            data-testid="consent"
            onClick={() => setConsent(!consent)}
          />
          <Text onClick={() => setConsent(!consent)}>我已阅读并同意《隐私政策》与检测知情说明</Text>
        </View>
      </View>
      {problem ? (
        <Text className="error-text" data-testid="checkout-error">
          {problem}
        </Text>
      ) : null}
      <Button className="btn-primary" data-testid="submit-order" disabled={busy} onClick={submit}>
        {busy ? "正在提交…" : "提交订单并支付"}
      </Button>
      <Text className="muted" onClick={() => go(routes.cart)}>
        返回购物车
      </Text>
    </View>
  )
}
