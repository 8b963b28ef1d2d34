import { Button, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import {
  escortBookingActions,
  escortTimeline,
  formatCNY,
  formatDateTime,
  PAYMENT_PROVIDER_IDS,
  subscribeEscortBooking,
  type EscortBookingDetail,
  type PaymentAction,
} from "@health/core"
import { useEffect, useState } from "react"
import { StateView } from "../../../components/state-view"
import { escort, member } from "../../../lib/clients"
import { isWeapp } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { paymentOutcome, requestWechatPayment } from "../../../lib/payment"
import { useMemberLoad } from "../../../lib/use-member-load"
import { ConfirmService } from "./confirm-service"
import { escortTimelineStream } from "./timeline-stream"
import { EscortMessagingSection } from "../components/escort-messaging-section"
import { EscortReviewSection } from "../../../components/escort-review-section"
import "./index.css"

/**
 * How often the timeline is read again, only while its stream cannot run or has failed
 * (timeline-stream.ts pushes each step as it happens).
 */
export const ESCORT_POLL_MS = 15_000

/** 陪诊详情: what was booked (ID number masked), the live timeline, pay / cancel / confirm. */
export default function EscortBookingPage() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  const { result, reload } = useMemberLoad(
    async (token) => ({ token, booking: await escort.get(token, id) }),
    [id]
  )
  return (
    <View className="page" data-testid="escort-detail">
      <StateView result={result} onRetry={reload}>
        {({ token, booking }) => <Detail token={token} initial={booking} />}
      </StateView>
    </View>
  )
}

function Detail(props: { token: string; initial: EscortBookingDetail }) {
  const [booking, setBooking] = useState(props.initial)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [h5Action, setH5Action] = useState<{ cartId: string; action: PaymentAction } | null>(null)

  useEffect(
    () =>
      subscribeEscortBooking({
        load: () => escort.get(props.token, props.initial.id),
        onChange: (next) => {
          setBooking(next)
          setProblem(null)
          // Paid (the callback reached commerce first) or cancelled: the pay link is spent.
          if (next.status !== "pending_payment") setH5Action(null)
        },
        onError: setProblem,
        stream: escortTimelineStream(props.token, props.initial.id),
        pollMs: ESCORT_POLL_MS,
      }),
    [props.token, props.initial.id]
  )

  const refresh = async () => setBooking(await escort.get(props.token, booking.id))
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await work()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  const pay = () =>
    run(async () => {
      const openid = isWeapp()
        ? ((await member.me(props.token)).metadata?.wechat_openid as string | undefined)
        : undefined
      if (isWeapp() && !openid) throw new Error("请先用微信登录后再支付")
      const { action, cart_id } = await escort.pay(props.token, booking.id, {
        provider_id: PAYMENT_PROVIDER_IDS.wechatpay,
        channel: isWeapp() ? "miniprogram" : "mobile_browser",
        ...(openid && { openid }),
      })
      if (action.kind === "none") return refresh()
      if (!isWeapp()) return setH5Action({ cartId: cart_id, action })
      try {
        await requestWechatPayment(action)
      } catch (error) {
        const cancelled = /cancel/i.test(String((error as { errMsg?: string }).errMsg ?? ""))
        throw new Error(cancelled ? "已取消支付，预约将为您保留" : explainError(error))
      }
      await settle(cart_id, 5)
    })

  const settle = async (cartId: string, attempts: number) => {
    const paid = await paymentOutcome(cartId, props.token, attempts)
    if (paid.status === "ended") throw new Error(paid.message)
    if (paid.status !== "paid") throw new Error("正在确认支付结果，请稍后刷新")
    setH5Action(null)
    Taro.showToast({ title: "支付成功", icon: "success" })
    await refresh()
  }

  const cancel = () =>
    run(async () => {
      const { confirm } = await Taro.showModal({
        title: "取消陪诊",
        content: "退款按取消规则计算：离服务开始越近，扣除的费用越多。确定取消吗？",
      })
      if (!confirm) return
      const { refund_fen } = await escort.cancel(props.token, booking.id)
      Taro.showToast({
        title: refund_fen > 0 ? `已取消，退款 ${formatCNY(refund_fen / 100)}` : "已取消",
        icon: "none",
      })
      await refresh()
    })

  const confirmDone = () =>
    run(async () => {
      await escort.confirm(props.token, booking.id)
      Taro.showToast({ title: "已确认服务完成", icon: "success" })
      await refresh()
    })

  const can = escortBookingActions(booking.status)
  const { steps, ending, reports, sopSteps } = escortTimeline(booking)
  return (
    <View>
      <View className="section">
        <Text className="section__title">
          {booking.service.name} · {formatCNY(booking.price_fen / 100)}
        </Text>
        <Text className="muted">
          {booking.city} {booking.hospital.name} · {booking.department}
        </Text>
        <Text className="muted">
          {" "}
          {booking.date} {booking.time_window.start}-{booking.time_window.end}
        </Text>
        <View>
          <Text data-testid="escort-person">
            就诊人：{booking.person.name} {booking.person.id_number}
          </Text>
        </View>
        <Text className="muted">见面地点：{booking.meeting_point}</Text>
      </View>
      <View className="section" data-testid="escort-timeline">
        <Text className="section__title" data-testid="escort-status">
          {booking.status_label}
        </Text>
        {steps.map((step) => (
          <View
            key={step.status}
            className={`timeline-step timeline-step--${step.state}`}
            data-testid={`timeline-${step.status}`}
            data-state={step.state}
          >
            <Text>{step.state === "current" ? `● ${step.label}` : step.label}</Text>
            {step.at ? <Text className="muted"> {formatDateTime(step.at)}</Text> : null}
            {step.status === "accompanying" && sopSteps.length > 0 ? (
              <View className="timeline-sop-steps" data-testid="timeline-sop-steps">
                {sopSteps.map((done) => (
                  <View key={done.id} data-testid="timeline-sop-step" data-step={done.sop_step}>
                    <Text>· {done.sop_step}</Text>
                    <Text className="muted"> {formatDateTime(done.at)}</Text>
                    {done.note ? <Text className="muted">：{done.note}</Text> : null}
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        ))}
        {ending ? (
          <Text className="error-text" data-testid="timeline-ending">
            {ending.label}
          </Text>
        ) : null}
        {reports.map((report) => (
          <Text key={report.id} className="muted">
            陪诊员报备：{report.note}
          </Text>
        ))}
      </View>
      {h5Action?.action.kind === "redirect" ? (
        <View className="section">
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
        <Text className="error-text" data-testid="escort-error">
          {problem}
        </Text>
      ) : null}
      {can.pay && !h5Action ? (
        <Button className="btn-primary" data-testid="escort-pay" disabled={busy} onClick={pay}>
          微信支付
        </Button>
      ) : null}
      <ConfirmService
        token={props.token}
        bookingId={booking.id}
        status={booking.status}
        onDone={refresh}
      />
      <EscortMessagingSection token={props.token} bookingId={booking.id} status={booking.status} />
      <EscortReviewSection
        token={props.token}
        bookingId={booking.id}
        status={booking.status}
        side="member"
      />
      {can.confirm ? (
        <Button
          className="btn-primary"
          data-testid="escort-confirm"
          disabled={busy}
          onClick={confirmDone}
        >
          确认服务完成
        </Button>
      ) : null}
      {can.cancel ? (
        <Button data-testid="escort-cancel" disabled={busy} onClick={cancel}>
          取消预约
        </Button>
      ) : null}
    </View>
  )
}
