import { readFileSync } from "fs"
import iconv from "iconv-lite"
import JSZip from "jszip"
import path from "path"
import { alipayBillZip, alipayDetailCsv, type AlipayBillEntry } from "../../sandbox/bill-files"
import { createAlipaySandboxKeys, providerEnv } from "../../sandbox/keys"
import { startAlipaySandbox, type AlipaySandbox } from "../../sandbox/server"
import {
  alipayYuanToFen,
  downloadAlipayBill,
  parseAlipayDetailCsv,
  parseAlipaySummaryCsv,
  readAlipayBillZip,
} from "../bills"
import { AlipayClient } from "../client"
import { resolveAlipayConfig } from "../config"
import { shanghaiTime } from "../trade-no"

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name))

describe("Alipay trade bill parsing", () => {
  it("reads the published layout: GBK, # header and footer lines, tab-padded fields, refunds negative", () => {
    const text = iconv.decode(fixture("alipay-trade-bill-published.csv"), "gbk")
    const lines = parseAlipayDetailCsv(text)
    // The 冻结 line moves no money of a trade: left out.
    expect(lines).toHaveLength(3)
    expect(lines[0]).toEqual({
      kind: "payment",
      trade_no: "2026113022001412341234567890",
      out_trade_no: "payses_01JDXG7Q2W5N8C3Z4V6B1M9K0T",
      out_request_no: "",
      business_type: "交易",
      subject: "肿瘤风险基因检测",
      created_at: "2026-11-30 09:12:03",
      finished_at: "2026-11-30 09:12:41",
      amount: 69900,
      receipt: 69900,
      fee: -419,
    })
    expect(lines[1]).toMatchObject({ kind: "payment", amount: 7, receipt: 7 })
    expect(lines[2]).toMatchObject({
      kind: "refund",
      out_trade_no: "payses_01JDW00000000000000000000A",
      out_request_no: "RFa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0",
      amount: 19900,
      receipt: -19900,
    })
    const summary = parseAlipaySummaryCsv(
      iconv.decode(fixture("alipay-trade-bill-published-summary.csv"), "gbk")
    )
    expect(summary).toEqual({
      trade_count: 2,
      refund_count: 1,
      order_amount: 50007,
      receipt: 50007,
    })
  })

  it("unzips a bill whose entry names are GBK, as Alipay's are", async () => {
    const zip = new JSZip()
    zip.file(
      "20881021234567890156_20261130_业务明细.csv",
      fixture("alipay-trade-bill-published.csv")
    )
    zip.file(
      "20881021234567890156_20261130_业务明细(汇总).csv",
      fixture("alipay-trade-bill-published-summary.csv")
    )
    const bytes = await zip.generateAsync({
      type: "nodebuffer",
      encodeFileName: (name) => iconv.encode(name, "gbk") as unknown as string,
    })
    const { lines, summary } = await readAlipayBillZip(bytes)
    expect(lines.map((l) => l.kind)).toEqual(["payment", "payment", "refund"])
    expect(summary?.receipt).toBe(50007)
  })

  it("reads back what the sandbox's writer writes", async () => {
    const at = new Date("2026-12-06T02:00:00Z")
    const entries: AlipayBillEntry[] = [
      {
        kind: "payment",
        trade_no: "2026120622001400000000000001",
        out_trade_no: "payses_A",
        subject: "基因检测, 加急",
        created_at: at,
        finished_at: at,
        amount: 12345,
      },
      {
        kind: "refund",
        trade_no: "2026120622001400000000000001",
        out_trade_no: "payses_A",
        out_request_no: "RF1",
        subject: "基因检测",
        created_at: at,
        finished_at: new Date(at.getTime() + 60_000),
        amount: 45,
      },
    ]
    const text = alipayDetailCsv("2088000000000001", "2026-12-06", entries)
    expect(text.split("\r\n")[0]).toBe("#支付宝业务明细查询")
    expect(text).toContain("#退款合计：1笔，商家实收退款共-0.45元")
    const { lines, summary } = await readAlipayBillZip(
      await alipayBillZip("2088000000000001", "2026-12-06", entries)
    )
    expect(lines).toEqual([
      expect.objectContaining({ kind: "payment", out_trade_no: "payses_A", amount: 12345 }),
      expect.objectContaining({ kind: "refund", out_request_no: "RF1", amount: 45, receipt: -45 }),
    ])
    expect(lines[0].subject).toBe("基因检测， 加急")
    expect(summary).toEqual({
      trade_count: 1,
      refund_count: 1,
      order_amount: 12300,
      receipt: 12300,
    })
  })

  it("converts amounts digit by digit and refuses what is not an amount", () => {
    expect(alipayYuanToFen("0.07")).toBe(7)
    expect(alipayYuanToFen("-199.5\t")).toBe(-19950)
    expect(alipayYuanToFen("")).toBe(0)
    expect(() => alipayYuanToFen("1.234")).toThrow("支付宝账单金额格式不正确")
  })
})

describe("Alipay bill download against the sandbox", () => {
  const keys = createAlipaySandboxKeys("public_key")
  let sandbox: AlipaySandbox
  let client: AlipayClient

  beforeAll(async () => {
    sandbox = await startAlipaySandbox({ keys })
    client = new AlipayClient(
      resolveAlipayConfig({}, providerEnv(keys, sandbox.gateway, "http://127.0.0.1:9/notify"))
    )
  })
  afterAll(() => sandbox.close())

  async function paidTrade(outTradeNo: string, yuan: string) {
    const request = client.pageRequest(
      "alipay.trade.page.pay",
      {
        out_trade_no: outTradeNo,
        total_amount: yuan,
        subject: "基因检测",
        product_code: "FAST_INSTANT_TRADE_PAY",
      },
      { notifyUrl: "http://127.0.0.1:9/notify" }
    )
    await sandbox.open({ kind: "form_post", action: request.action, fields: request.fields })
    await sandbox.pay(outTradeNo, { notify: false })
  }

  it("downloads the day's signed URL and zip: payments, a partial refund, and the test hooks' lines", async () => {
    const today = shanghaiTime(new Date()).slice(0, 10)
    await paidTrade("payses_BILL1", "699.00")
    await paidTrade("payses_BILL2", "10.00")
    await client.call("alipay.trade.refund", {
      out_trade_no: "payses_BILL1",
      refund_amount: "199.00",
      out_request_no: "RFBILL1",
    })
    sandbox.addBillLine({ out_trade_no: "payses_STRANGER", amount: 500 })
    sandbox.setBillAmount("payses_BILL2", 990)

    const bill = await downloadAlipayBill(client, today)
    expect(bill.exists).toBe(true)
    const byKey = Object.fromEntries(
      bill.lines.map((l) => [`${l.kind}:${l.out_trade_no}:${l.out_request_no}`, l.amount])
    )
    expect(byKey).toEqual({
      "payment:payses_BILL1:": 69900,
      "payment:payses_BILL2:": 990,
      "refund:payses_BILL1:RFBILL1": 19900,
      "payment:payses_STRANGER:": 500,
    })
    expect(bill.summary).toMatchObject({ trade_count: 3, refund_count: 1 })
  })

  it("answers a day without trades as no bill, and refuses an altered download URL", async () => {
    expect(await downloadAlipayBill(client, "2020-01-01")).toEqual({
      bill_date: "2020-01-01",
      exists: false,
      lines: [],
      summary: null,
    })
    const today = shanghaiTime(new Date()).slice(0, 10)
    const { bill_download_url } = await client.call<{ bill_download_url: string }>(
      "alipay.data.dataservice.bill.downloadurl.query",
      { bill_type: "trade", bill_date: today }
    )
    const altered = bill_download_url.replace(/bizDates=\d+/, "bizDates=20200101")
    expect((await fetch(altered)).status).toBe(403)
    await expect(downloadAlipayBill(client, "2026-02-30")).rejects.toThrow("bill_date")
  })
})
