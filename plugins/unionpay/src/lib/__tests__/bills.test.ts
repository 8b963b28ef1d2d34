import { readFileSync, mkdtempSync } from "fs"
import JSZip from "jszip"
import { tmpdir } from "os"
import path from "path"
import { zmFile, zmLine, encodeFileContent, unionpayBillZip } from "../../sandbox/bill-files"
import { loadOrCreateSandboxPki, providerEnv } from "../../sandbox/pki"
import { startSandbox, type Sandbox } from "../../sandbox/server"
import {
  decodeFileContent,
  downloadUnionpayBill,
  fileTransferUrlOf,
  parseZmFile,
  readUnionpayBillZip,
  settleDateOf,
  zmAmount,
  zmRecordOf,
} from "../bills"
import { acpTime } from "../beijing-time"
import { ACP_PATHS, callUnionpay } from "../client"
import { resolveUnionpayConfig, type UnionpayConfig } from "../config"
import { encodeForm } from "../acp-form"
import { commonFields, signRequest } from "../messages"

jest.setTimeout(60_000)

const published = readFileSync(path.join(__dirname, "fixtures", "INN26113088ZM_777290058110097"))

describe("UnionPay 流水文件 (ZM) parsing", () => {
  it("reads the published fixed-width layout by GBK byte widths, refunds with their original", () => {
    const lines = parseZmFile(published)
    // The pre-authorisation (交易类型 02) is not a transaction this shop makes.
    expect(lines).toHaveLength(2)
    expect(lines[0]).toEqual({
      kind: "payment",
      trade_code: "S22",
      txn_type: "01",
      order_id: "01JDXG7Q2W5N8C3Z4V6B1M9K0T",
      query_id: "202611300912031234567",
      orig_query_id: "",
      orig_order_id: "",
      amount: 69900,
      settle_amount: 69900,
      trace_time: "1130091241",
    })
    expect(lines[1]).toMatchObject({
      kind: "refund",
      txn_type: "04",
      order_id: "RFa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5",
      orig_query_id: "202611300912031234567",
      orig_order_id: "01JDXG7Q2W5N8C3Z4V6B1M9K0T",
      amount: 19900,
      settle_amount: -19900,
    })
    // 商户自定义域 holds two Chinese characters (four bytes): the fields after it stay aligned.
    const record = zmRecordOf(published.subarray(0, published.indexOf(0x0d)))
    expect(record.mer_reserved).toBe("体检套餐")
    expect(record.mer_id).toBe("777290058110097")
  })

  it("reads back what the sandbox's writer writes, through the zip and fileContent encoding", async () => {
    const entries = [
      {
        txnType: "01" as const,
        orderId: "01JDXG7Q2W5N8C3Z4V6B1M9K0T",
        queryId: "202612061000001234567",
        txnAmt: 7,
        traceNo: "000001",
        traceTime: "1206100000",
        channelType: "08",
        merId: "777290058110097",
        reqReserved: "中文备注超过三十二个字节的时候会被截断吗会的会的",
      },
      {
        txnType: "31" as const,
        orderId: "01JDXG7Q2W5N8C3Z4V6B1M9K0TV",
        queryId: "202612061005001234567",
        txnAmt: 7,
        traceNo: "000002",
        traceTime: "1206100500",
        channelType: "08",
        merId: "777290058110097",
        origQryId: "202612061000001234567",
        origOrderId: "01JDXG7Q2W5N8C3Z4V6B1M9K0T",
      },
    ]
    expect(zmLine(entries[0]).length).toBe(607)
    expect(parseZmFile(zmFile(entries)).map((l) => [l.kind, l.order_id, l.amount])).toEqual([
      ["payment", "01JDXG7Q2W5N8C3Z4V6B1M9K0T", 7],
      ["void", "01JDXG7Q2W5N8C3Z4V6B1M9K0TV", 7],
    ])
    const content = encodeFileContent(await unionpayBillZip("777290058110097", "261206", entries))
    const zip = decodeFileContent(content)
    expect(Object.keys((await JSZip.loadAsync(zip)).files).sort()).toEqual([
      "INN26120688ZME_777290058110097",
      "INN26120688ZM_777290058110097",
    ])
    expect((await readUnionpayBillZip(zip)).map((l) => l.orig_order_id)).toEqual([
      "",
      "01JDXG7Q2W5N8C3Z4V6B1M9K0T",
    ])
  })

  it("reads signed amounts and settlement dates, refusing what they are not", () => {
    expect(zmAmount("000000000007")).toBe(7)
    expect(zmAmount("D000000019900")).toBe(-19900)
    expect(zmAmount("")).toBe(0)
    expect(() => zmAmount("12.00")).toThrow("银联对账文件金额格式不正确")
    expect(settleDateOf("2026-12-06")).toBe("1206")
    expect(() => settleDateOf("2026-02-30")).toThrow("bill_date")
    expect(fileTransferUrlOf({ gateway: "https://gateway.95516.com" }, {})).toBe(
      "https://filedownload.95516.com/"
    )
    expect(fileTransferUrlOf({ gateway: "http://127.0.0.1:1234" }, {})).toBe(
      "http://127.0.0.1:1234/"
    )
  })
})

describe("UnionPay 对账文件下载 against the sandbox", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "unionpay-bills-"))
  let sandbox: Sandbox
  let config: UnionpayConfig

  beforeAll(async () => {
    loadOrCreateSandboxPki(dataDir)
    sandbox = await startSandbox({ dataDir })
    sandbox.setNotifyUrl("http://127.0.0.1:9/notify")
    config = resolveUnionpayConfig(
      { testEnvironment: false },
      providerEnv(sandbox.pki, dataDir, sandbox.url, {
        notifyUrl: "http://127.0.0.1:9/notify",
        frontUrl: "http://127.0.0.1:9/front",
      })
    )
  })
  afterAll(() => sandbox.close())

  async function paidOrder(orderId: string, fen: number) {
    const txnTime = acpTime(new Date())
    const form = signRequest(
      {
        ...commonFields(config),
        bizType: "000201",
        txnType: "01",
        txnSubType: "01",
        channelType: "07",
        orderId,
        txnTime,
        txnAmt: String(fen),
        currencyCode: "156",
        frontUrl: config.frontUrl,
        backUrl: config.notifyUrl,
      },
      config
    )
    const cashier = await fetch(`${sandbox.url}${ACP_PATHS.front}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: encodeForm(form),
    })
    expect(cashier.status).toBe(200)
    await sandbox.pay(orderId, { notify: false })
    return sandbox.transaction(orderId)!
  }

  it("downloads the day's verified file: a payment, its partial refund, and the test hooks' lines", async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const paid = await paidOrder("01JDXG7Q2W5N8C3Z4V6B1M9K0A", 69900)
    await paidOrder("01JDXG7Q2W5N8C3Z4V6B1M9K0B", 1000)
    const refund = await callUnionpay(config, ACP_PATHS.back, {
      ...commonFields(config),
      bizType: "000201",
      txnType: "04",
      txnSubType: "00",
      channelType: "07",
      orderId: "RF0000000000000000000000000001",
      txnTime: acpTime(new Date()),
      txnAmt: "19900",
      origQryId: paid.queryId!,
      backUrl: config.notifyUrl,
    })
    expect(refund.respCode).toBe("00")
    sandbox.addBillLine({ orderId: "01JNOSUCHORDER000000000000", txnAmt: 500 })
    sandbox.setBillAmount("01JDXG7Q2W5N8C3Z4V6B1M9K0B", 990)

    const bill = await downloadUnionpayBill(config, today)
    expect(bill.exists).toBe(true)
    expect(bill.lines.map((l) => [l.kind, l.order_id, l.amount, l.orig_order_id]).sort()).toEqual(
      [
        ["payment", "01JDXG7Q2W5N8C3Z4V6B1M9K0A", 69900, ""],
        ["payment", "01JDXG7Q2W5N8C3Z4V6B1M9K0B", 990, ""],
        ["payment", "01JNOSUCHORDER000000000000", 500, ""],
        ["refund", "RF0000000000000000000000000001", 19900, "01JDXG7Q2W5N8C3Z4V6B1M9K0A"],
      ].sort()
    )
  })

  it("answers a quiet day with no file, and refuses a request the merchant did not sign", async () => {
    expect(await downloadUnionpayBill(config, "2020-01-01")).toEqual({
      bill_date: "2020-01-01",
      exists: false,
      lines: [],
    })
    const unsigned = await fetch(`${sandbox.url}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: encodeForm({
        ...commonFields(config),
        txnType: "76",
        txnSubType: "01",
        bizType: "000000",
        settleDate: "0101",
        txnTime: acpTime(new Date()),
        fileType: "00",
        signature: "Zm9yZ2Vk",
      }),
    })
    expect(await unsigned.text()).toContain("respCode=11")
  })
})
