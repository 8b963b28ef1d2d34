import { mkdtempSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import { gunzipSync, gzipSync } from "zlib"
import { startSandbox, type Sandbox } from "../../sandbox/server"
import {
  billYuanToFen,
  downloadBill,
  parseBill,
  tradeLinesOf,
  WechatBillHashError,
  type BillDescriptor,
} from "../bills"
import { WechatpayClient } from "../client"
import { resolveWechatpayConfig, type WechatpayConfig } from "../config"
import { requestRefund } from "../refunds"
import { rfc3339Shanghai } from "../trade-no"

jest.setTimeout(30_000)

const beijingDate = (date: Date) => rfc3339Shanghai(date).slice(0, 10)

describe("WeChat Pay daily bills against the protocol-true sandbox", () => {
  let sandbox: Sandbox
  let config: WechatpayConfig
  let client: WechatpayClient
  const today = beijingDate(new Date())
  const yesterday = beijingDate(new Date(Date.now() - 24 * 3600_000))

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      dataDir: mkdtempSync(path.join(tmpdir(), "wxbills-")),
      timeScale: 0.001,
    })
    config = resolveWechatpayConfig(
      {},
      { ...sandbox.providerEnv, WECHATPAY_NOTIFY_URL: "http://127.0.0.1:9/hooks/payment/x" }
    )
    client = new WechatpayClient(config)
    // Today: one order paid by a buyer through the API, then refunded in part.
    await client.request("POST", "/v3/pay/transactions/native", {
      appid: config.appid,
      mchid: config.mchid,
      description: "体质检测, 套餐A",
      out_trade_no: "PSBILLTEST0000000000000001",
      attach: "payses_BILLTEST0000000000000001",
      notify_url: config.notifyUrl,
      amount: { total: 69900, currency: "CNY" },
    })
    await sandbox.pay("PSBILLTEST0000000000000001")
    await requestRefund(client, config, {
      out_trade_no: "PSBILLTEST0000000000000001",
      out_refund_no: "PSBILLTEST0000000000000001R001",
      refund: 19900,
      total: 69900,
      reason: "部分退款",
    })
    // Yesterday: an order WeChat recorded as paid then.
    sandbox.recordPaidOrder({
      out_trade_no: "PSBILLTEST0000000000000002",
      total: 1999,
      paidAt: new Date(Date.now() - 24 * 3600_000),
    })
  })

  afterAll(async () => {
    await sandbox?.close()
  })

  it("answers the signed descriptor and a gzip file whose SHA1 is the bill's", async () => {
    const { data } = await client.request<BillDescriptor>(
      "GET",
      `/v3/bill/tradebill?bill_date=${today}&bill_type=ALL&tar_type=GZIP`
    )
    expect(data).toMatchObject({
      hash_type: "SHA1",
      hash_value: expect.stringMatching(/^[0-9a-f]{40}$/),
    })
    const file = await client.download(data.download_url)
    expect([file[0], file[1]]).toEqual([0x1f, 0x8b])
    expect(gunzipSync(file).toString("utf8").split("\r\n")[0]).toMatch(
      /^交易时间,公众账号ID,商户号/
    )
    // The file is the merchant's: an unsigned download is refused like any API call.
    const anonymous = await fetch(data.download_url)
    expect(anonymous.status).toBe(401)
  })

  it("downloads, checks and parses the day's trade bill: payments and refunds in fen", async () => {
    const text = await downloadBill(client, "trade", today)
    const bill = parseBill(text!)
    const lines = tradeLinesOf(bill)
    expect(lines).toEqual([
      expect.objectContaining({
        out_trade_no: "PSBILLTEST0000000000000001",
        trade_state: "SUCCESS",
        trade_type: "NATIVE",
        settlement_total: 69900,
        order_total: 69900,
        out_refund_no: "",
        refund: 0,
        attach: "payses_BILLTEST0000000000000001",
        transaction_id: expect.stringMatching(/^4200/),
      }),
      expect.objectContaining({
        out_trade_no: "PSBILLTEST0000000000000001",
        trade_state: "REFUND",
        settlement_total: 0,
        out_refund_no: "PSBILLTEST0000000000000001R001",
        refund: 19900,
        refund_status: "SUCCESS",
        refund_id: expect.any(String),
      }),
    ])
    // A comma inside a field (the product name) does not split it.
    expect(bill.rows[0]["商品名称"]).toBe("体质检测, 套餐A")
    expect(bill.summary).toMatchObject({
      总交易单数: "2",
      应结订单总金额: "699.00",
      退款总金额: "199.00",
    })
  })

  it("serves each day's own records: yesterday's bill holds yesterday's payment only", async () => {
    const lines = tradeLinesOf(parseBill((await downloadBill(client, "trade", yesterday))!))
    expect(lines.map((l) => [l.out_trade_no, l.trade_state, l.settlement_total])).toEqual([
      ["PSBILLTEST0000000000000002", "SUCCESS", 1999],
    ])
  })

  it("downloads the fund flow bill: income and spending with a running balance", async () => {
    const bill = parseBill((await downloadBill(client, "fundflow", today))!)
    expect(
      bill.rows.map((r) => [r["业务名称"], r["收支类型"], r["收支金额（元）"], r["账户结余（元）"]])
    ).toEqual([
      ["交易", "收入", "699.00", "699.00"],
      ["退款", "支出", "199.00", "500.00"],
    ])
    expect(bill.summary).toMatchObject({
      资金流水总笔数: "2",
      收入金额: "699.00",
      支出金额: "199.00",
    })
  })

  it("has no bill for a day without business, and refuses a future day", async () => {
    await expect(downloadBill(client, "trade", "2020-01-01")).resolves.toBeNull()
    const tomorrow = beijingDate(new Date(Date.now() + 24 * 3600_000))
    await expect(downloadBill(client, "trade", tomorrow)).rejects.toThrow("INVALID_REQUEST")
    await expect(downloadBill(client, "trade", "2026/12/01")).rejects.toThrow("YYYY-MM-DD")
  })

  it("refuses a bill file that does not match WeChat's signed SHA1", async () => {
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if (!String(input).includes("/v3/billdownload/")) return response
      const text = gunzipSync(Buffer.from(await response.arrayBuffer()))
        .toString("utf8")
        .replace("`699.00", "`6.99")
      return new Response(gzipSync(Buffer.from(text, "utf8")), { status: 200 })
    }
    const tampered = new WechatpayClient(config, tampering)
    await expect(downloadBill(tampered, "trade", today)).rejects.toBeInstanceOf(WechatBillHashError)
  })

  it("reads amounts digit by digit", () => {
    expect(billYuanToFen("0.01")).toBe(1)
    expect(billYuanToFen("699.00")).toBe(69900)
    expect(billYuanToFen("19.9")).toBe(1990)
    expect(billYuanToFen("-3.50")).toBe(-350)
    expect(billYuanToFen("")).toBe(0)
    expect(() => billYuanToFen("1.234")).toThrow("invalid bill amount")
  })
})
