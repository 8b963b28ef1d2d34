import type { PaymentAction, PaymentChannel } from "@health/contracts"
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
  Logger,
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
import { AlipayApiError, AlipayClient } from "../../lib/client"
import { resolveAlipayConfig, type AlipayConfig, type AlipayOptions } from "../../lib/config"
import { fenToYuanNumber, fenToYuanString, toFen } from "../../lib/money"
import { notificationParameters, readTradeNotification } from "../../lib/notification"
import type { AlipayTradeQueryAnswer } from "../../lib/trade-outcome"
import { queryTrade } from "../../lib/trades"
import {
  outRequestNoFor,
  outTradeNoFor,
  parseShanghaiTime,
  sessionIdFor,
  shanghaiTime,
} from "../../lib/trade-no"

/** Where the shopper pays with Alipay: 电脑网站支付 on a PC, 手机网站支付 in a phone browser. */
export type AlipayChannel = Extract<PaymentChannel, "pc_browser" | "mobile_browser">

const PAGE_METHOD: Record<AlipayChannel, { method: string; product_code: string }> = {
  pc_browser: { method: "alipay.trade.page.pay", product_code: "FAST_INSTANT_TRADE_PAY" },
  mobile_browser: { method: "alipay.trade.wap.pay", product_code: "QUICK_WAP_WAY" },
}

export type AlipayRefundRecord = {
  out_request_no: string
  /** Fen. */
  amount: number
  status: "REFUND_SUCCESS" | "PROCESSING"
}

/** What the provider keeps in the payment session's data. */
export type AlipaySessionData = {
  channel: AlipayChannel
  session_id: string
  out_trade_no: string
  attempt: number
  /** Fen. */
  total: number
  /** "yyyy-MM-dd HH:mm:ss", China time, as sent to Alipay. */
  time_expire: string
  payment_action: PaymentAction
  trade_status?: string
  trade_no?: string
  refunds?: AlipayRefundRecord[]
}

/**
 * trade_status → Medusa session status. Alipay settles when the buyer pays (automatic
 * capture), so TRADE_SUCCESS and TRADE_FINISHED are "captured".
 */
export const TRADE_STATUS_SESSION: Record<string, PaymentSessionStatus> = {
  WAIT_BUYER_PAY: "pending",
  TRADE_SUCCESS: "captured",
  TRADE_FINISHED: "captured",
  TRADE_CLOSED: "canceled",
}

const CHANNELS = Object.keys(PAGE_METHOD) as AlipayChannel[]

export class AlipayProviderService extends AbstractPaymentProvider<AlipayOptions> {
  static identifier = "alipay"

  protected readonly settings: AlipayConfig
  protected readonly client: AlipayClient
  protected readonly logger?: Logger

  /** Fails the app's start with the missing or malformed settings named. */
  static validateOptions(options: Record<string, unknown>) {
    resolveAlipayConfig(options as AlipayOptions)
  }

  constructor(cradle: Record<string, unknown>, options: AlipayOptions) {
    super(cradle, options)
    this.settings = resolveAlipayConfig(options)
    this.client = new AlipayClient(this.settings)
    this.logger = cradle.logger as Logger | undefined
  }

  async initiatePayment({
    amount,
    currency_code,
    data,
  }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    this.assertCny(currency_code)
    const input = (data ?? {}) as Record<string, unknown>
    const sessionId = String(input.session_id ?? "")
    if (!sessionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "缺少 payment session id")
    const channel = (input.channel ?? "pc_browser") as AlipayChannel
    if (!CHANNELS.includes(channel)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `支付宝不支持该支付场景 ${String(channel)}（可选 pc_browser 电脑网站 / mobile_browser 手机网站）`
      )
    }
    const description = String(input.description ?? "健康服务平台订单")
    return this.openTrade({ sessionId, channel, amount, attempt: 1, description })
  }

  /**
   * Signs the cashier request the shopper's browser takes to Alipay. No call to Alipay is
   * made here: for page and wap pay the trade exists at Alipay once the shopper opens the
   * cashier, and closes by itself at time_expire.
   */
  protected openTrade({
    sessionId,
    channel,
    amount,
    attempt,
    description,
  }: {
    sessionId: string
    channel: AlipayChannel
    amount: unknown
    attempt: number
    description: string
  }): InitiatePaymentOutput {
    const total = this.fen(amount)
    if (total <= 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, "支付金额必须大于 0")
    const outTradeNo = outTradeNoFor(sessionId, attempt)
    const expiresAt = new Date(Date.now() + this.settings.expireMinutes * 60_000)
    const timeExpire = shanghaiTime(expiresAt)
    const { method, product_code } = PAGE_METHOD[channel]
    const request = this.client.pageRequest(
      method,
      {
        out_trade_no: outTradeNo,
        total_amount: fenToYuanString(total),
        subject: description.slice(0, 256),
        product_code,
        time_expire: timeExpire,
      },
      { notifyUrl: this.settings.notifyUrl, returnUrl: this.settings.returnUrl }
    )
    // A PC posts the signed form to the cashier; a phone browser follows the signed URL.
    const payment_action: PaymentAction =
      channel === "pc_browser"
        ? {
            kind: "form_post",
            action: request.action,
            fields: request.fields,
            expires_at: expiresAt.toISOString(),
          }
        : { kind: "redirect", url: request.url, expires_at: expiresAt.toISOString() }
    const session: AlipaySessionData = {
      channel,
      session_id: sessionId,
      out_trade_no: outTradeNo,
      attempt,
      total,
      time_expire: timeExpire,
      payment_action,
    }
    return { id: outTradeNo, status: "pending", data: session }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = this.sessionOf(data)
    const trade = await this.query(session)
    if (!trade) {
      // Never opened at Alipay: past its time it can no longer be paid.
      const expired = parseShanghaiTime(session.time_expire).getTime() <= Date.now()
      return { status: expired ? "canceled" : "pending", data: session }
    }
    let status = TRADE_STATUS_SESSION[trade.trade_status] ?? "pending"
    if (status === "captured" && toFen(trade.total_amount) !== session.total) {
      this.logger?.error(
        `支付宝交易 ${session.out_trade_no} 金额 ${trade.total_amount} 与会话金额不符 (${session.total} 分)`
      )
      status = "error"
    }
    return {
      status,
      data: { ...session, trade_status: trade.trade_status, trade_no: trade.trade_no },
    }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.getPaymentStatus(input)
  }

  /** Alipay settles when the buyer pays; capturing only checks and records that it did. */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const session = this.sessionOf(data)
    const trade = await this.query(session)
    if (!trade || TRADE_STATUS_SESSION[trade.trade_status] !== "captured") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `支付宝交易尚未支付（${trade?.trade_status ?? "交易不存在"}），不能确认收款`
      )
    }
    return { data: { ...session, trade_status: trade.trade_status, trade_no: trade.trade_no } }
  }

  /** Closes the unpaid trade; closing twice, or a trade never opened, is fine; a paid one is refused. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const session = this.sessionOf(data)
    try {
      await this.client.call("alipay.trade.close", { out_trade_no: session.out_trade_no })
    } catch (error) {
      if (error instanceof AlipayApiError && error.subCode === "ACQ.TRADE_NOT_EXIST") {
        return { data: session }
      }
      if (error instanceof AlipayApiError && error.subCode === "ACQ.TRADE_STATUS_ERROR") {
        const trade = await this.query(session)
        if (trade?.trade_status === "TRADE_CLOSED") {
          return { data: { ...session, trade_status: "TRADE_CLOSED" } }
        }
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "支付宝交易已支付，不能取消，请使用退款"
        )
      }
      throw this.unexpected(error)
    }
    return { data: { ...session, trade_status: "TRADE_CLOSED" } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    try {
      return await this.cancelPayment(input)
    } catch (error) {
      // A paid trade is never "deleted" at Alipay; the session's data stays as it was.
      if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_ALLOWED) {
        return { data: input.data }
      }
      throw error
    }
  }

  /**
   * A partial or full refund. out_request_no is derived from Medusa's idempotency key (the
   * refund's id), so a retried refund is the same refund at Alipay, never a second one;
   * the refund query then confirms whether the money moved.
   */
  async refundPayment({ amount, data, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = this.sessionOf(data)
    const previous = session.refunds ?? []
    const refund = this.fen(amount)
    if (refund <= 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, "退款金额必须大于 0")
    const outRequestNo = outRequestNoFor(
      session.out_trade_no,
      previous.length + 1,
      (context as { idempotency_key?: string } | undefined)?.idempotency_key
    )
    try {
      await this.client.call("alipay.trade.refund", {
        out_trade_no: session.out_trade_no,
        refund_amount: fenToYuanString(refund),
        out_request_no: outRequestNo,
        refund_reason: "订单退款",
      })
    } catch (error) {
      if (error instanceof AlipayApiError) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `支付宝退款失败：${error.subMsg || error.code}`
        )
      }
      throw this.unexpected(error)
    }
    const confirmed = await this.client
      .call<{
        refund_status?: string
        refund_amount?: string
      }>("alipay.trade.fastpay.refund.query", {
        out_trade_no: session.out_trade_no,
        out_request_no: outRequestNo,
      })
      .catch((error) => {
        throw this.unexpected(error)
      })
    const record: AlipayRefundRecord = {
      out_request_no: outRequestNo,
      amount: refund,
      status: confirmed.refund_status === "REFUND_SUCCESS" ? "REFUND_SUCCESS" : "PROCESSING",
    }
    const refunds = [...previous.filter((r) => r.out_request_no !== outRequestNo), record]
    return { data: { ...session, refunds } }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const session = this.sessionOf(data)
    const trade = await this.query(session)
    return {
      data: trade
        ? { ...session, trade_status: trade.trade_status, trade_no: trade.trade_no }
        : session,
    }
  }

  /** A trade's amount cannot change: close it and sign a new trade for the session. */
  async updatePayment({
    amount,
    currency_code,
    data,
  }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const session = this.sessionOf(data)
    if (this.fen(amount) === session.total) return { status: "pending", data: session }
    this.assertCny(currency_code)
    await this.cancelPayment({ data })
    return this.openTrade({
      sessionId: session.session_id,
      channel: session.channel,
      amount,
      attempt: session.attempt + 1,
      description: "健康服务平台订单",
    })
  }

  /**
   * A notification: its RSA2 signature verified against Alipay's public key (or Alipay's
   * certificate), the app id (and the seller, when configured) checked. A refusal is
   * NOT_SUPPORTED without data; a verified notification always names its session, so the
   * webhook route can tell "forged" from "nothing to record".
   */
  async getWebhookActionAndData(
    payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    const parameters = notificationParameters(
      payload.rawData as Buffer | string | undefined,
      payload.data
    )
    const refuse = (reason: string): WebhookActionResult => {
      this.logger?.warn(
        `支付宝通知被拒绝（${reason}）：out_trade_no=${parameters.out_trade_no ?? "-"} notify_id=${parameters.notify_id ?? "-"}`
      )
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    if (!this.client.verifyNotification(parameters)) return refuse("签名验证失败")
    if (parameters.app_id !== this.settings.appId) return refuse(`app_id ${parameters.app_id} 不符`)
    if (this.settings.sellerId && parameters.seller_id !== this.settings.sellerId) {
      return refuse(`seller_id ${parameters.seller_id} 不符`)
    }
    const trade = readTradeNotification(parameters)
    if (!trade) return refuse("缺少交易字段")
    const data = {
      session_id: sessionIdFor(trade.out_trade_no),
      amount: fenToYuanNumber(trade.total),
    }
    // A refund's notification repeats the trade's status; it records no payment.
    if (trade.out_biz_no) return { action: PaymentActions.NOT_SUPPORTED, data }
    switch (trade.trade_status) {
      case "TRADE_SUCCESS":
      case "TRADE_FINISHED":
        return { action: PaymentActions.SUCCESSFUL, data }
      case "TRADE_CLOSED":
        return { action: PaymentActions.CANCELED, data }
      case "WAIT_BUYER_PAY":
        return { action: PaymentActions.PENDING, data }
      default:
        return refuse(`未知 trade_status ${trade.trade_status}`)
    }
  }

  protected sessionOf(data: Record<string, unknown> | undefined): AlipaySessionData {
    const session = (data ?? {}) as Partial<AlipaySessionData>
    if (!session.out_trade_no || typeof session.total !== "number" || !session.time_expire) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "支付会话缺少支付宝交易信息")
    }
    return { attempt: 1, ...session } as AlipaySessionData
  }

  /** The trade at Alipay, or null when the shopper never opened the cashier. */
  protected async query(session: AlipaySessionData): Promise<AlipayTradeQueryAnswer | null> {
    return queryTrade(this.client, session.out_trade_no).catch((error) => {
      throw this.unexpected(error)
    })
  }

  protected fen(amount: unknown): number {
    try {
      return toFen(amount)
    } catch (error) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `金额无效：${(error as Error).message}`)
    }
  }

  protected assertCny(currency: string) {
    if (currency.toLowerCase() !== "cny") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `支付宝仅支持人民币（CNY），收到 ${currency}`
      )
    }
  }

  protected unexpected(error: unknown): unknown {
    if (error instanceof MedusaError) return error
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `支付宝接口调用失败：${(error as Error).message}`
    )
  }
}

export default AlipayProviderService
