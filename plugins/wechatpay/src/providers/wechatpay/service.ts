import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  PaymentSessionStatus,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError, PaymentActions } from "@medusajs/framework/utils"
import { decryptResource, type EncryptedResource } from "../../lib/aead"
import { WechatpayApiError, WechatpayClient } from "../../lib/client"
import {
  resolveWechatpayConfig,
  type WechatpayConfig,
  type WechatpayOptions,
} from "../../lib/config"
import { requestPaymentParams } from "../../lib/jsapi-params"
import { fenToYuan, yuanToFen } from "../../lib/money"
import { verifyWechatpaySignature } from "../../lib/signature"
import { requestRefund, type RefundStatus } from "../../lib/refunds"
import { outRefundNoFor, outTradeNoFor, rfc3339Shanghai, sessionIdFor } from "../../lib/trade-no"

export type WechatpayChannel = "jsapi" | "native" | "h5"

/**
 * The WeChat cases of `PaymentAction` in @health/contracts, declared structurally so the
 * plugin builds on its own; commerce checks the two agree where it reads them.
 */
export type WechatpayPaymentAction =
  | { kind: "qr_code"; code_url: string; expires_at: string }
  | { kind: "redirect"; url: string; expires_at: string }
  | { kind: "jsapi"; params: ReturnType<typeof requestPaymentParams>; expires_at: string }

/** What the shopper does next for a freshly created WeChat order, or undefined if WeChat gave nothing. */
export function paymentActionFor(
  session: Pick<WechatpaySessionData, "channel" | "code_url" | "h5_url" | "request_payment">,
  expiresAt: string
): WechatpayPaymentAction | undefined {
  if (session.channel === "jsapi" && session.request_payment)
    return { kind: "jsapi", params: session.request_payment, expires_at: expiresAt }
  if (session.channel === "native" && session.code_url)
    return { kind: "qr_code", code_url: session.code_url, expires_at: expiresAt }
  if (session.channel === "h5" && session.h5_url)
    return { kind: "redirect", url: session.h5_url, expires_at: expiresAt }
  return undefined
}

/** What the provider keeps in the payment session's data. */
export type WechatpaySessionData = {
  channel: WechatpayChannel
  session_id: string
  out_trade_no: string
  attempt: number
  total: number
  time_expire: string
  /** JSAPI: who pays, and through which app; kept so an amount change can reopen the order. */
  openid?: string
  app?: "official_account" | "mini_program"
  prepay_id?: string
  code_url?: string
  h5_url?: string
  request_payment?: ReturnType<typeof requestPaymentParams>
  /** The shopper's next step, in the shape every payment provider writes (@health/contracts). */
  payment_action?: WechatpayPaymentAction
  trade_state?: string
  transaction_id?: string
  /** PROCESSING until WeChat settles it (refund callback or query): SUCCESS, CLOSED or ABNORMAL. */
  /** Set by the app when the cart could not be completed and the payment was given back. */
  unplaced_refund?: { out_refund_no: string; amount: number; reason: string }
  refunds?: { out_refund_no: string; refund_id: string; amount: number; status: RefundStatus }[]
}

type Transaction = {
  out_trade_no: string
  transaction_id?: string
  trade_state: string
  trade_state_desc?: string
  attach?: string
  amount: { total: number }
}

/**
 * trade_state → Medusa session status. WeChat captures when the buyer pays (like Stripe's
 * automatic capture), so SUCCESS, and REFUND (paid, then refunded), are "captured".
 */
export const TRADE_STATE_STATUS: Record<string, PaymentSessionStatus> = {
  SUCCESS: "captured",
  REFUND: "captured",
  NOTPAY: "pending",
  USERPAYING: "pending",
  ACCEPT: "pending",
  CLOSED: "canceled",
  REVOKED: "canceled",
  PAYERROR: "error",
}

const CHANNELS: WechatpayChannel[] = ["jsapi", "native", "h5"]

export class WechatpayProviderService extends AbstractPaymentProvider<WechatpayOptions> {
  static identifier = "wechatpay"

  protected readonly settings: WechatpayConfig
  protected readonly client: WechatpayClient

  /** Fails the app's start with the missing or malformed settings named. */
  static validateOptions(options: Record<string, unknown>) {
    resolveWechatpayConfig(options as WechatpayOptions)
  }

  constructor(cradle: Record<string, unknown>, options: WechatpayOptions) {
    super(cradle, options)
    this.settings = resolveWechatpayConfig(options)
    this.client = new WechatpayClient(this.settings)
  }

  async initiatePayment({
    amount,
    currency_code,
    data,
  }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    if (currency_code.toLowerCase() !== "cny") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `微信支付仅支持人民币（CNY），收到 ${currency_code}`
      )
    }
    const input = (data ?? {}) as Record<string, unknown>
    const sessionId = String(input.session_id ?? "")
    if (!sessionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "缺少 payment session id")
    const channel = (input.channel ?? "native") as WechatpayChannel
    if (!CHANNELS.includes(channel)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `不支持的微信支付方式 ${String(channel)}（可选 jsapi / native / h5）`
      )
    }
    return this.createOrder({ sessionId, channel, amount, attempt: 1, input })
  }

  protected async createOrder({
    sessionId,
    channel,
    amount,
    attempt,
    input,
  }: {
    sessionId: string
    channel: WechatpayChannel
    amount: unknown
    attempt: number
    input: Record<string, unknown>
  }): Promise<InitiatePaymentOutput> {
    const total = yuanToFen(amount)
    if (total <= 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, "支付金额必须大于 0")
    const outTradeNo = outTradeNoFor(sessionId, attempt)
    const timeExpire = rfc3339Shanghai(new Date(Date.now() + this.settings.expireMinutes * 60_000))
    const appid = this.appidFor(input)
    const body: Record<string, unknown> = {
      appid,
      mchid: this.settings.mchid,
      description: String(input.description ?? "健康服务平台订单").slice(0, 127),
      out_trade_no: outTradeNo,
      time_expire: timeExpire,
      attach: sessionId,
      notify_url: this.settings.notifyUrl,
      amount: { total, currency: "CNY" },
    }
    if (channel === "jsapi") {
      if (!input.openid)
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "小程序/公众号支付需要付款人的 openid"
        )
      body.payer = { openid: input.openid }
    }
    if (channel === "h5") {
      body.scene_info = {
        payer_client_ip: String(input.client_ip ?? "127.0.0.1"),
        h5_info: { type: "Wap" },
      }
    }
    const { data: answer } = await this.call<{
      prepay_id?: string
      code_url?: string
      h5_url?: string
    }>("POST", `/v3/pay/transactions/${channel}`, body)
    const session: WechatpaySessionData = {
      channel,
      session_id: sessionId,
      out_trade_no: outTradeNo,
      attempt,
      total,
      time_expire: timeExpire,
      ...answer,
      ...(channel === "jsapi" && {
        openid: String(input.openid),
        app: input.app === "official_account" ? "official_account" : "mini_program",
      }),
      ...(channel === "jsapi" && answer.prepay_id
        ? {
            request_payment: requestPaymentParams(
              appid,
              answer.prepay_id,
              this.settings.privateKey
            ),
          }
        : {}),
    }
    const action = paymentActionFor(session, new Date(timeExpire).toISOString())
    if (action) session.payment_action = action
    return { id: outTradeNo, status: "pending", data: session }
  }

  /**
   * JSAPI signs with the AppID the payer's openid belongs to: the mini-program's by
   * default, the official account's when paying inside WeChat's browser (`app`).
   */
  protected appidFor(input: Record<string, unknown>): string {
    if (input.app !== "official_account") return this.settings.appid
    if (!this.settings.officialAccountAppid) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "未配置公众号 AppID（WECHATPAY_OA_APPID），不能在微信内网页支付"
      )
    }
    return this.settings.officialAccountAppid
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = this.sessionOf(data)
    // Paid, but refunded because its cart could not become an order: never "paid" again,
    // so a replayed callback or a late completion cannot place an order on refunded money.
    if (session.unplaced_refund) return { status: "canceled", data: session }
    const transaction = await this.query(session.out_trade_no)
    return {
      status: TRADE_STATE_STATUS[transaction.trade_state] ?? "pending",
      data: {
        ...session,
        trade_state: transaction.trade_state,
        transaction_id: transaction.transaction_id,
      },
    }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.getPaymentStatus(input)
  }

  /** WeChat settles when the buyer pays; capturing only records that it did. */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const session = this.sessionOf(data)
    const transaction = await this.query(session.out_trade_no)
    if (transaction.trade_state !== "SUCCESS" && transaction.trade_state !== "REFUND") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `微信订单尚未支付（${transaction.trade_state}），不能确认收款`
      )
    }
    return {
      data: {
        ...session,
        trade_state: transaction.trade_state,
        transaction_id: transaction.transaction_id,
      },
    }
  }

  /** Closes the unpaid WeChat order; closing twice is fine, closing a paid one is refused. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const session = this.sessionOf(data)
    try {
      await this.call("POST", `/v3/pay/transactions/out-trade-no/${session.out_trade_no}/close`, {
        mchid: this.settings.mchid,
      })
    } catch (error) {
      if (error instanceof WechatpayApiError && error.code === "ORDERPAID") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "微信订单已支付，不能取消，请使用退款")
      }
      if (!(error instanceof WechatpayApiError && error.code === "ORDER_NOT_EXIST")) throw error
    }
    return { data: { ...session, trade_state: "CLOSED" } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    try {
      return await this.cancelPayment(input)
    } catch (error) {
      // A paid order is never "deleted" at WeChat; the session's data stays as it was.
      if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_ALLOWED)
        return { data: input.data }
      throw error
    }
  }

  async refundPayment({ amount, data, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = this.sessionOf(data)
    const previous = session.refunds ?? []
    const outRefundNo = outRefundNoFor(
      session.out_trade_no,
      previous.length + 1,
      context?.idempotency_key
    )
    const answer = await requestRefund(this.client, this.settings, {
      out_trade_no: session.out_trade_no,
      out_refund_no: outRefundNo,
      refund: yuanToFen(amount),
      total: session.total,
      reason: "订单退款",
    }).catch((error) => {
      throw error instanceof WechatpayApiError
        ? new MedusaError(MedusaError.Types.NOT_ALLOWED, `微信退款失败：${error.message}`)
        : error
    })
    const recorded = previous.some((r) => r.out_refund_no === outRefundNo)
      ? previous
      : [
          ...previous,
          {
            out_refund_no: outRefundNo,
            refund_id: answer.refund_id,
            amount: answer.amount.refund,
            status: answer.status,
          },
        ]
    return { data: { ...session, refunds: recorded } }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const session = this.sessionOf(data)
    const transaction = await this.query(session.out_trade_no)
    return {
      data: {
        ...session,
        trade_state: transaction.trade_state,
        transaction_id: transaction.transaction_id,
      },
    }
  }

  /** A WeChat order's amount cannot change: close it and open a new order for the session. */
  async updatePayment({
    amount,
    currency_code,
    data,
  }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const session = this.sessionOf(data)
    if (yuanToFen(amount) === session.total) return { status: "pending", data: session }
    if (currency_code.toLowerCase() !== "cny") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `微信支付仅支持人民币（CNY），收到 ${currency_code}`
      )
    }
    await this.cancelPayment({ data })
    return this.createOrder({
      sessionId: session.session_id,
      channel: session.channel,
      amount,
      attempt: session.attempt + 1,
      input: data as Record<string, unknown>,
    })
  }

  /**
   * A callback: its signature is checked again here (the route middleware already answered
   * 401 to forgeries), the resource decrypted, and a paid transaction becomes "captured"
   * for the session it was created for.
   */
  async getWebhookActionAndData(
    payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    const raw =
      typeof payload.rawData === "string"
        ? payload.rawData
        : Buffer.from(payload.rawData as Buffer).toString("utf8")
    const verified = verifyWechatpaySignature(
      payload.headers as Record<string, unknown>,
      raw,
      this.settings.verificationKeys
    )
    if (!verified.ok) return { action: PaymentActions.NOT_SUPPORTED }
    const event = JSON.parse(raw) as { event_type?: string; resource?: EncryptedResource }
    if (event.event_type !== "TRANSACTION.SUCCESS" || !event.resource)
      return { action: PaymentActions.NOT_SUPPORTED }
    const transaction = JSON.parse(
      decryptResource(event.resource, this.settings.apiV3Key)
    ) as Transaction
    if (transaction.trade_state !== "SUCCESS") return { action: PaymentActions.NOT_SUPPORTED }
    // The callback route also checks it is the session's current order (an amount change opens a new one).
    const data = {
      session_id: transaction.attach || sessionIdFor(transaction.out_trade_no),
      amount: fenToYuan(transaction.amount.total),
      out_trade_no: transaction.out_trade_no,
    }
    return { action: PaymentActions.SUCCESSFUL, data }
  }

  protected sessionOf(data: Record<string, unknown> | undefined): WechatpaySessionData {
    const session = (data ?? {}) as Partial<WechatpaySessionData>
    if (!session.out_trade_no)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "支付会话缺少微信订单号")
    return { attempt: 1, ...session } as WechatpaySessionData
  }

  protected async query(outTradeNo: string): Promise<Transaction> {
    const { data } = await this.call<Transaction>(
      "GET",
      `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${this.settings.mchid}`
    )
    return data
  }

  protected async call<T>(method: "GET" | "POST", path: string, body?: unknown) {
    try {
      return await this.client.request<T>(method, path, body)
    } catch (error) {
      if (error instanceof WechatpayApiError) {
        if (["ORDER_NOT_EXIST", "ORDERPAID"].includes(error.code)) throw error
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, error.message)
      }
      throw error
    }
  }
}

export default WechatpayProviderService
