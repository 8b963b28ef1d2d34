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
import { decodeForm } from "../../lib/acp-form"
import { withoutBlanks, type AcpFields } from "../../lib/acp-signature"
import { acpTime, parseAcpTime } from "../../lib/beijing-time"
import { ACP_PATHS, UnionpayApiError } from "../../lib/client"
import { resolveUnionpayConfig, type UnionpayConfig, type UnionpayOptions } from "../../lib/config"
import { commonFields, signRequest, verifyUnionpayMessage } from "../../lib/messages"
import {
  backTransaction,
  PROCESSING_RESP_CODES,
  queryTransaction,
  type UnionpayQueryAnswer,
} from "../../lib/transactions"
import { fenToYuan, yuanToFen } from "../../lib/money"
import { orderIdFor, refundOrderIdFor, sessionIdFor, voidOrderIdFor } from "../../lib/order-id"

/** Where the shopper pays (PaymentChannel in @health/contracts): PC or mobile web. */
export type UnionpayChannel = "pc_browser" | "mobile_browser"

/** ACP channelType: 07 internet (PC), 08 mobile. */
const CHANNEL_TYPE: Record<UnionpayChannel, "07" | "08"> = {
  pc_browser: "07",
  mobile_browser: "08",
}

/**
 * The form_post case of `PaymentAction` in @health/contracts, declared structurally so the
 * plugin builds on its own: the browser posts these fields to frontTransReq.do.
 */
export type UnionpayPaymentAction = {
  kind: "form_post"
  action: string
  fields: Record<string, string>
  expires_at: string
}

export type UnionpayRefundStatus = "PROCESSING" | "SUCCESS" | "FAIL"

export type UnionpayRefund = {
  order_id: string
  /** Empty only when UnionPay had the refund already (a retry) and its txnTime was lost. */
  txn_time: string
  amount: number
  query_id?: string
  status: UnionpayRefundStatus
}

/** What the provider keeps in the payment session's data. */
export type UnionpaySessionData = {
  channel: UnionpayChannel
  session_id: string
  order_id: string
  txn_time: string
  attempt: number
  /** Fen. */
  total: number
  pay_timeout: string
  payment_action?: UnionpayPaymentAction
  /** The consumption's queryId once paid: refunds and voids name it as origQryId. */
  query_id?: string
  orig_resp_code?: string
  refunds?: UnionpayRefund[]
  voided?: { order_id: string; txn_time: string; query_id?: string }
  /** Set by the app when the cart could not be completed and the payment was given back. */
  unplaced_refund?: { order_id: string; amount: number; reason: string }
}

type QueryAnswer = UnionpayQueryAnswer

const CHANNELS = Object.keys(CHANNEL_TYPE) as UnionpayChannel[]

/** origRespCode of the consumption → Medusa session status (UnionPay captures on payment). */
function paymentStatusOf(answer: QueryAnswer, session: UnionpaySessionData): PaymentSessionStatus {
  if (answer.found && answer.origRespCode === "00") return "captured"
  if (answer.found && PROCESSING_RESP_CODES.includes(answer.origRespCode ?? "")) return "pending"
  if (answer.found) return "error"
  // No transaction yet: the shopper may still pay until payTimeout, then the order is gone.
  return parseAcpTime(session.pay_timeout) < new Date() ? "canceled" : "pending"
}

export class UnionpayProviderService extends AbstractPaymentProvider<UnionpayOptions> {
  static identifier = "unionpay"

  protected readonly settings: UnionpayConfig

  /** Fails the app's start with the missing or malformed settings named. */
  static validateOptions(options: Record<string, unknown>) {
    resolveUnionpayConfig(options as UnionpayOptions)
  }

  constructor(cradle: Record<string, unknown>, options: UnionpayOptions) {
    super(cradle, options)
    this.settings = resolveUnionpayConfig(options)
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
    const channel = (input.channel ?? "pc_browser") as UnionpayChannel
    if (!CHANNELS.includes(channel)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `银联支付只能在电脑或手机浏览器中使用（收到 ${String(channel)}）`
      )
    }
    return this.createOrder({ sessionId, channel, amount, attempt: 1, input })
  }

  /**
   * The signed frontTransReq.do form (消费, gateway payment). Nothing reaches UnionPay until
   * the shopper's browser posts it; the order exists there once the cashier opens.
   */
  protected createOrder({
    sessionId,
    channel,
    amount,
    attempt,
    input,
  }: {
    sessionId: string
    channel: UnionpayChannel
    amount: unknown
    attempt: number
    input: Record<string, unknown>
  }): InitiatePaymentOutput {
    const total = this.fen(amount)
    if (total <= 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, "支付金额必须大于 0")
    let orderId: string
    try {
      orderId = orderIdFor(sessionId, attempt)
    } catch (error) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, (error as Error).message)
    }
    const now = new Date()
    const expiresAt = new Date(now.getTime() + this.settings.expireMinutes * 60_000)
    const txnTime = acpTime(now)
    const payTimeout = acpTime(expiresAt)
    const returnUrl = typeof input.return_url === "string" ? input.return_url : ""
    const fields = signRequest(
      withoutBlanks({
        ...commonFields(this.settings),
        txnType: "01",
        txnSubType: "01",
        bizType: "000201",
        channelType: CHANNEL_TYPE[channel],
        orderId,
        txnTime,
        txnAmt: String(total),
        currencyCode: "156",
        // The shopper's page after paying: the checkout's own return address when it gives one.
        frontUrl: /^https?:\/\//.test(returnUrl) ? returnUrl : this.settings.frontUrl,
        backUrl: this.settings.notifyUrl,
        payTimeout,
      }),
      this.settings
    )
    const session: UnionpaySessionData = {
      channel,
      session_id: sessionId,
      order_id: orderId,
      txn_time: txnTime,
      attempt,
      total,
      pay_timeout: payTimeout,
      payment_action: {
        kind: "form_post",
        action: `${this.settings.gateway}${ACP_PATHS.front}`,
        fields,
        expires_at: expiresAt.toISOString(),
      },
    }
    return { id: orderId, status: "pending", data: session }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = this.sessionOf(data)
    // Given back (voided, or refunded because its cart could not become an order): never
    // "paid" again, so a replayed notification cannot place an order on returned money.
    if (session.unplaced_refund || session.voided) return { status: "canceled", data: session }
    const answer = await this.query(session.order_id, session.txn_time)
    const status = paymentStatusOf(answer, session)
    if (status === "captured" && answer.txnAmt !== session.total) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `银联订单 ${session.order_id} 的金额 ${answer.txnAmt} 分与支付会话 ${session.total} 分不符`
      )
    }
    return {
      status,
      data: await this.withRefundStatuses({
        ...session,
        orig_resp_code: answer.origRespCode,
        query_id: answer.queryId ?? session.query_id,
      }),
    }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.getPaymentStatus(input)
  }

  /** UnionPay settles when the shopper pays; capturing only records that it did. */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const session = this.sessionOf(data)
    const answer = await this.query(session.order_id, session.txn_time)
    if (!answer.found || answer.origRespCode !== "00") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "银联订单尚未支付，不能确认收款")
    }
    return {
      data: { ...session, orig_resp_code: answer.origRespCode, query_id: answer.queryId },
    }
  }

  /**
   * Unpaid: UnionPay has no close for gateway orders, its payTimeout ends the cashier, so the
   * session is only marked. Paid today (Beijing date): 消费撤销 (txnType 31), the whole
   * amount. Paid earlier: refused, refunds are the way.
   */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const session = this.sessionOf(data)
    if (session.voided) return { data: session }
    const answer = await this.query(session.order_id, session.txn_time)
    if (!answer.found || answer.origRespCode !== "00") {
      return { data: { ...session, orig_resp_code: answer.origRespCode } }
    }
    if (
      acpTime(new Date()).slice(0, 8) !== session.txn_time.slice(0, 8) ||
      session.refunds?.length
    ) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "银联订单已支付且不是当日交易，不能撤销，请使用退款"
      )
    }
    const voidOrderId = voidOrderIdFor(session.order_id)
    const txnTime = acpTime(new Date())
    const result = await this.back({
      txnType: "31",
      orderId: voidOrderId,
      txnTime,
      txnAmt: String(session.total),
      origQryId: answer.queryId!,
      channelType: CHANNEL_TYPE[session.channel],
    })
    if (result.respCode !== "00" && result.respCode !== "12") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `银联撤销失败：${result.respMsg ?? result.respCode}`
      )
    }
    return {
      data: {
        ...session,
        query_id: answer.queryId,
        voided: { order_id: voidOrderId, txn_time: txnTime, query_id: result.queryId },
      },
    }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const session = this.sessionOf(input.data)
    const answer = await this.query(session.order_id, session.txn_time)
    // A paid order is never given back by deleting a session; its data stays as it was.
    if (answer.found && answer.origRespCode === "00") return { data: input.data }
    return { data: session }
  }

  /**
   * 退货 (txnType 04), partial or whole. The refund's orderId comes from Medusa's refund id,
   * so a retried refund is the same refund at UnionPay (which answers 12, 重复交易, and
   * moves no money twice); Medusa serializes refunds of one payment under a row lock.
   */
  async refundPayment({ amount, data, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = this.sessionOf(data)
    const previous = session.refunds ?? []
    const refundOrderId = refundOrderIdFor(
      session.order_id,
      previous.length + 1,
      context?.idempotency_key
    )
    if (previous.some((refund) => refund.order_id === refundOrderId)) return { data: session }
    const refund = this.fen(amount)
    if (refund <= 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, "退款金额必须大于 0")
    let queryId = session.query_id
    if (!queryId) {
      const answer = await this.query(session.order_id, session.txn_time)
      if (!answer.found || answer.origRespCode !== "00")
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "银联订单尚未支付，不能退款")
      queryId = answer.queryId
    }
    const txnTime = acpTime(new Date())
    const result = await this.back({
      txnType: "04",
      orderId: refundOrderId,
      txnTime,
      txnAmt: String(refund),
      origQryId: queryId!,
      channelType: CHANNEL_TYPE[session.channel],
    })
    if (result.respCode !== "00" && result.respCode !== "12") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `银联退款失败：${result.respMsg ?? result.respCode}`
      )
    }
    const recorded: UnionpayRefund = {
      order_id: refundOrderId,
      txn_time: result.respCode === "00" ? txnTime : "",
      amount: refund,
      query_id: result.queryId,
      status: "PROCESSING",
    }
    return {
      data: await this.withRefundStatuses({
        ...session,
        query_id: queryId,
        refunds: [...previous, recorded],
      }),
    }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const session = this.sessionOf(data)
    const answer = await this.query(session.order_id, session.txn_time)
    return {
      data: await this.withRefundStatuses({
        ...session,
        orig_resp_code: answer.origRespCode,
        query_id: answer.queryId ?? session.query_id,
      }),
    }
  }

  /** An order's amount cannot change at UnionPay: a new order (and form) for the session. */
  async updatePayment({
    amount,
    currency_code,
    data,
  }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const session = this.sessionOf(data)
    if (this.fen(amount) === session.total) return { status: "pending", data: session }
    this.assertCny(currency_code)
    return this.createOrder({
      sessionId: session.session_id,
      channel: session.channel,
      amount,
      attempt: session.attempt + 1,
      input: data as Record<string, unknown>,
    })
  }

  /**
   * A back notification (form-encoded): its signPubKeyCert must chain to the configured
   * root and its signature verify; only a successful consumption (txnType 01, respCode 00)
   * for this merchant becomes "captured" for the session its orderId names. The plugin's
   * route checks the session and amount before anything runs (api/hooks/payment).
   */
  async getWebhookActionAndData(
    payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    const fields = notificationFields(payload)
    if (!verifyUnionpayMessage(fields, this.settings).ok)
      return { action: PaymentActions.NOT_SUPPORTED }
    if (fields.merId !== this.settings.merId) return { action: PaymentActions.NOT_SUPPORTED }
    if (fields.txnType !== "01" || fields.respCode !== "00" || !/^\d+$/.test(fields.txnAmt ?? ""))
      return { action: PaymentActions.NOT_SUPPORTED }
    return {
      action: PaymentActions.SUCCESSFUL,
      data: { session_id: sessionIdFor(fields.orderId), amount: fenToYuan(Number(fields.txnAmt)) },
    }
  }

  protected sessionOf(data: Record<string, unknown> | undefined): UnionpaySessionData {
    const session = (data ?? {}) as Partial<UnionpaySessionData>
    if (!session.order_id || !session.txn_time)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "支付会话缺少银联订单号")
    return { attempt: 1, ...session } as UnionpaySessionData
  }

  /** Asks UnionPay about each refund still processing (refund status by query). */
  protected async withRefundStatuses(session: UnionpaySessionData): Promise<UnionpaySessionData> {
    if (!session.refunds?.some((refund) => refund.status === "PROCESSING" && refund.txn_time))
      return session
    const refunds = await Promise.all(
      session.refunds.map(async (refund) => {
        if (refund.status !== "PROCESSING" || !refund.txn_time) return refund
        const answer = await this.query(refund.order_id, refund.txn_time)
        if (!answer.found) return refund
        const status: UnionpayRefundStatus =
          answer.origRespCode === "00"
            ? "SUCCESS"
            : PROCESSING_RESP_CODES.includes(answer.origRespCode ?? "")
              ? "PROCESSING"
              : "FAIL"
        return { ...refund, status, query_id: answer.queryId ?? refund.query_id }
      })
    )
    return { ...session, refunds }
  }

  /** queryTrans.do (txnType 00) for any transaction of ours; not found when UnionPay has none. */
  protected query(orderId: string, txnTime: string): Promise<QueryAnswer> {
    return this.unexpected(queryTransaction(this.settings, orderId, txnTime))
  }

  protected back(fields: Parameters<typeof backTransaction>[1]): Promise<AcpFields> {
    return this.unexpected(backTransaction(this.settings, fields))
  }

  /** UnionPay's refusals and failed checks, as errors Medusa reports. */
  protected async unexpected<T>(call: Promise<T>): Promise<T> {
    try {
      return await call
    } catch (error) {
      if (error instanceof UnionpayApiError)
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, (error as Error).message)
      throw error
    }
  }

  protected fen(amount: unknown): number {
    try {
      return yuanToFen(amount)
    } catch (error) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `金额不正确：${(error as Error).message}`
      )
    }
  }

  protected assertCny(currency: string) {
    if (currency.toLowerCase() !== "cny") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `银联支付仅支持人民币（CNY），收到 ${currency}`
      )
    }
  }
}

/** The notification's fields: from the raw form body when kept, else the parsed body. */
export function notificationFields(payload: ProviderWebhookPayload["payload"]): AcpFields {
  const raw = payload.rawData
  if (raw !== undefined && raw !== null && String(raw).length > 0) {
    return decodeForm(typeof raw === "string" ? raw : Buffer.from(raw as Buffer).toString("utf8"))
  }
  const data = (payload.data ?? {}) as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === "string")
  )
}

export default UnionpayProviderService
