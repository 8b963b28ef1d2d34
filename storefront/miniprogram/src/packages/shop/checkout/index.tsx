import { Button, Checkbox, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  formatCNY,
  isGeneTestLine,
  isOnSiteCollection,
  messages,
  TEST_METHOD_LABELS,
  toFen,
  type Cart,
  type CollectionSite,
  type Money,
  type MemberAddress,
  type MemberAddressInput,
  type ShippingOption,
  type TestMethod,
} from "@health/core"
import { parseYuanInput } from "@health/core/format"
import { OFFLINE_PAYMENT_NOTE, offersOfflinePayment } from "@health/core/commerce/offline-payment"
import { maxStoreCreditFen } from "@health/core/commerce/store-credit"
import { useEffect, useState } from "react"
import { AddressFields, addressDraftOf } from "../../../components/address-fields"
import { Field } from "../../../components/field"
import { PromotionCodeField } from "../../../components/promotion-code-field"
import { StateView } from "../../../components/state-view"
import { currentCart } from "../../../lib/cart"
import { checkout, cms, member } from "../../../lib/clients"
import { isWeapp } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { go, routes } from "../../../lib/navigate"
import { paymentOutcome, requestWechatPayment } from "../../../lib/payment"
import {
  checkoutProblem,
  placeOrder,
  type CheckoutOutcome,
  type LineChoice,
} from "../../../lib/place-order"
import { session } from "../../../lib/session"
import { useLoad } from "../../../lib/use-load"
import { CollectionPicker, NO_PICK, type CollectionPick } from "./collection-picker"
import { OrderSummary } from "./order-summary"
import { SavedAddressChoice } from "./saved-address-choice"
import { StoreCreditField, type CreditDraft } from "./store-credit-field"
import "./checkout.css"

const WAITING_FOR_PAYMENT = "尚未收到微信支付结果，请完成支付后再试"

type Loaded = {
  cartId: string
  /** The cart as loaded: its promotions and Medusa's discount; a coupon change replaces it. */
  cart: Cart
  /** The cart's gene-test lines, each of which gets its own test method. */
  lines: { id: string; title: string; quantity: number }[]
  subtotal: Money | undefined
  email: string
  openid?: string
  address: MemberAddressInput
  /** The member's saved addresses, default first: any of them can fill the address. */
  book: MemberAddress[]
  options: ShippingOption[]
  /** For 采集点现场采集; null when the CMS could not be read. */
  sites: CollectionSite[] | null
  /** The member's affiliate balance in yuan; 0 when it cannot be read (no credit offered). */
  available: number
}

export default function Checkout() {
  const token = session.token()
  useEffect(() => {
    if (!token) Taro.redirectTo({ url: routes.login(routes.checkout) })
  }, [token])
  const { result, reload } = useLoad(async (): Promise<Loaded | null> => {
    const cart = await currentCart()
    if (!cart || !cart.items.length) return null
    const [me, book, options, available] = await Promise.all([
      member.me(token!),
      member.addresses.list(token!),
      checkout.shippingOptions(cart.id, token!).catch(() => []),
      member.affiliate
        .me(token!)
        .then((affiliate) => affiliate.balances.available)
        .catch(() => 0),
    ])
    const lines = cart.items.filter(isGeneTestLine).map((item) => ({
      id: item.id,
      title: item.product_title ?? item.title,
      quantity: item.quantity,
    }))
    const sites = options.some(isOnSiteCollection)
      ? await cms.listCollectionSites().catch(() => null)
      : []
    // The default address fills the form; the member can still change any field.
    const saved = book[0]
    return {
      cartId: cart.id,
      cart,
      lines,
      subtotal: cart.item_subtotal ?? cart.subtotal,
      email: me.email ?? "",
      openid: me.metadata?.wechat_openid as string | undefined,
      address: saved
        ? addressDraftOf(saved)
        : {
            name: `${me.last_name ?? ""}${me.first_name ?? ""}`,
            phone: me.phone?.replace(/^\+86/, "") ?? "",
            province: "",
            city: "",
            district: "",
            street: "",
          },
      book,
      options,
      sites,
      available,
    }
  }, [token])

  return (
    <View className="page" data-testid="checkout">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(data) => !data}
        empty={<Text>{messages.cart.empty}</Text>}
      >
        {(data) => <CheckoutForm {...data!} token={token!} />}
      </StateView>
    </View>
  )
}

function CheckoutForm(props: Loaded & { token: string }) {
  const mailOption = props.options.find((o) => !isOnSiteCollection(o))
  const siteOption = props.options.find(isOnSiteCollection)
  const [email, setEmail] = useState(props.email)
  const [address, setAddress] = useState<MemberAddressInput>(props.address)
  // Mail-in is each line's default; on-site collection needs a site and slot for that line.
  const [methods, setMethods] = useState<Record<string, TestMethod>>({})
  const [picks, setPicks] = useState<Record<string, CollectionPick>>({})
  const [credit, setCredit] = useState<CreditDraft>({ use: false, typed: "" })
  const [offline, setOffline] = useState(false)
  const [consent, setConsent] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<CheckoutOutcome | null>(null)
  const [priced, setPriced] = useState<Cart>(props.cart)

  const lines: LineChoice[] = props.lines.map((line) => ({
    id: line.id,
    title: line.title,
    method: methods[line.id] ?? "mail_in",
    pick: picks[line.id] ?? NO_PICK,
  }))
  // A kit goes by post when some line is mail-in; commerce picks the same shipping option.
  const mailed = !lines.length || lines.some((line) => line.method === "mail_in")
  const option = mailed ? mailOption : siteOption
  // Sums in integer fen; commerce works out the same numbers when the order is placed.
  const subtotal = toFen(props.subtotal)
  // Medusa's discount for the coupons and promotions on the cart, never worked out here.
  const discount = toFen(priced.discount_total)
  const shipping = toFen(option?.amount)
  const maxCredit = maxStoreCreditFen(props.available, (subtotal - discount + shipping) / 100)
  const typedCredit = credit.use ? (parseYuanInput(credit.typed) ?? 0) : 0
  const creditFen = Math.min(Math.max(typedCredit, 0), maxCredit)
  const total = subtotal - discount + shipping - creditFen
  // A 岳阳 collection site also allows paying offline (cash at the site, or a transfer).
  const siteCities = lines
    .filter((line) => line.method === "on_site")
    .map((line) => props.sites?.find((s) => s.documentId === line.pick.siteId)?.city)
  const offlineOffered =
    (offersOfflinePayment(address.city) ||
      siteCities.some((city) => offersOfflinePayment(null, city))) &&
    total > 0
  const payOffline = offline && offlineOffered

  async function submit() {
    const input = { email, address, lines, credit, offline: payOffline, consent }
    const invalid = checkoutProblem(input, { siteCities, available: props.available })
    if (invalid) return setProblem(invalid)
    setBusy(true)
    setProblem(null)
    try {
      const next = await placeOrder(props.cartId, props.token, input, {
        available: props.available,
        subtotalFen: subtotal,
        discountFen: discount,
        shippingFen: shipping,
        openid: props.openid,
      })
      if (next.kind === "problem") return setProblem(next.problem)
      if (next.kind === "placed") {
        session.clearCart()
        if (!next.offline) {
          // The balance paid for everything: nothing left to pay.
          Taro.showToast({ title: "下单成功", icon: "success" })
          await Taro.redirectTo({ url: routes.orders })
          return
        }
      }
      setOutcome(next)
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
      if (isWeapp() && outcome?.kind === "pay") {
        try {
          await requestWechatPayment(outcome.action)
        } catch (error) {
          const cancelled = /cancel/i.test(String((error as { errMsg?: string }).errMsg ?? ""))
          setProblem(cancelled ? "已取消支付，订单将为您保留" : explainError(error))
          return
        }
      }
      // WeChat's confirmation reaches commerce by its notification: in WeChat give it a few moments.
      const paid = await paymentOutcome(props.cartId, props.token, isWeapp() ? 5 : 1)
      if (paid.status === "ended") return setProblem(paid.message)
      if (paid.status !== "paid") return setProblem(WAITING_FOR_PAYMENT)
      session.clearCart()
      Taro.showToast({ title: "支付成功", icon: "success" })
      await Taro.redirectTo({ url: routes.orders })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  const error = problem ? (
    <Text className="error-text" data-testid="checkout-error">
      {problem}
    </Text>
  ) : null

  if (outcome?.kind === "placed") {
    return (
      <View className="section" data-testid="order-placed">
        <Text className="section__title">订单已提交，待线下付款</Text>
        <View className="row">
          <Text>{messages.cart.total}</Text>
          <Text className="price" data-testid="pay-amount">
            {formatCNY(outcome.totalFen / 100)}
          </Text>
        </View>
        <Text className="muted" data-testid="offline-instructions">
          {`${OFFLINE_PAYMENT_NOTE}转账时请备注订单号 #${outcome.order.display_id}`}
        </Text>
        <Button
          className="btn-primary"
          data-testid="view-orders"
          onClick={() => Taro.redirectTo({ url: routes.orders })}
        >
          查看订单
        </Button>
      </View>
    )
  }

  if (outcome?.kind === "pay") {
    return (
      <View className="section" data-testid="payment-step">
        <Text className="section__title">微信支付</Text>
        <OrderSummary fen={outcome.fen} testId="pay-summary" />
        <View className="row">
          <Text>{messages.cart.total}</Text>
          <Text className="price" data-testid="pay-amount">
            {formatCNY(outcome.fen.total / 100)}
          </Text>
        </View>
        {isWeapp() ? null : outcome.action.kind === "redirect" ? (
          <View>
            <Text className="muted">请在微信中打开支付页面完成付款：</Text>
            <Text data-testid="h5-pay-url" selectable>
              {outcome.action.url}
            </Text>
          </View>
        ) : null}
        {error}
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
        <SavedAddressChoice book={props.book} current={address} onPick={setAddress} />
        <AddressFields value={address} onChange={setAddress} />
        <Text className="muted">采样盒将寄送到此地址；岳阳地区也可到采集点现场采样。</Text>
      </View>
      {lines.map((line) => {
        const quantity = props.lines.find((l) => l.id === line.id)?.quantity ?? 1
        const choose = (method: TestMethod) => setMethods({ ...methods, [line.id]: method })
        return (
          <View key={line.id} className="section" data-testid="line-test-method">
            <Text className="section__title">
              {line.title} × {quantity} · 采样方式
            </Text>
            <View className="choices">
              <View
                data-testid="collection-method-mail"
                className={`choice ${line.method === "mail_in" ? "choice--active" : ""}`}
                onClick={() => choose("mail_in")}
              >
                <Text>{TEST_METHOD_LABELS.mail_in}</Text>
                <Text className="muted">
                  {toFen(mailOption?.amount) === 0 ? "免运费" : formatCNY(mailOption?.amount ?? 0)}
                </Text>
              </View>
              {siteOption ? (
                <View
                  data-testid="collection-method-site"
                  className={`choice ${line.method === "on_site" ? "choice--active" : ""}`}
                  onClick={() => choose("on_site")}
                >
                  <Text>{TEST_METHOD_LABELS.on_site}</Text>
                </View>
              ) : null}
            </View>
            {line.method === "on_site" ? (
              <CollectionPicker
                token={props.token}
                sites={props.sites}
                pick={line.pick}
                onPick={(pick) => setPicks({ ...picks, [line.id]: pick })}
              />
            ) : null}
          </View>
        )
      })}
      <PromotionCodeField cart={priced} token={props.token} onCart={setPriced} />
      {props.available > 0 ? (
        <StoreCreditField
          available={props.available}
          maxFen={maxCredit}
          coversAll={credit.use && typedCredit >= subtotal + shipping}
          draft={credit}
          onChange={setCredit}
        />
      ) : null}
      {total > 0 ? (
        <View className="section" data-testid="payment-methods">
          <Text className="section__title">支付方式</Text>
          <View className="choices">
            <View
              data-testid="payment-wechat"
              className={`choice ${payOffline ? "" : "choice--active"}`}
              onClick={() => setOffline(false)}
            >
              <Text>微信支付</Text>
            </View>
            {offlineOffered ? (
              <View
                data-testid="payment-offline"
                className={`choice ${payOffline ? "choice--active" : ""}`}
                onClick={() => setOffline(true)}
              >
                <Text>线下付款</Text>
                <Text className="muted">银行转账或到采集点付款，工作人员确认后处理</Text>
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
      <View className="section">
        <OrderSummary
          fen={{ subtotal, discount, shipping, credit: creditFen, total }}
          cart={priced}
          testId="checkout-summary"
        />
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
      {error}
      <Button className="btn-primary" data-testid="submit-order" disabled={busy} onClick={submit}>
        {busy
          ? "正在提交…"
          : total === 0
            ? "提交订单"
            : payOffline
              ? "提交订单（线下付款）"
              : "提交订单并支付"}
      </Button>
      <Text className="muted" onClick={() => go(routes.cart)}>
        返回购物车
      </Text>
    </View>
  )
}
