import { mkdtempSync } from "fs"
import http from "http"
import type { AddressInfo } from "net"
import { tmpdir } from "os"
import path from "path"
import { startSandbox, type Sandbox } from "../../sandbox/server"
import { WechatpayApiError, WechatpayClient } from "../client"
import { resolveWechatpayConfig, type WechatpayConfig } from "../config"
import {
  createTransferBill,
  outBillNoFor,
  queryTransferBill,
  readTransferNotification,
  transferNotifyUrl,
} from "../transfer-bills"

jest.setTimeout(30_000)

type Callback = { url: string; headers: http.IncomingHttpHeaders; body: string }

describe("商家转账 against the protocol-true sandbox", () => {
  let sandbox: Sandbox
  let shop: http.Server
  let config: WechatpayConfig
  let client: WechatpayClient
  const callbacks: Callback[] = []

  beforeAll(async () => {
    shop = http.createServer((req, res) => {
      let body = ""
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => {
        callbacks.push({ url: req.url ?? "", headers: req.headers, body })
        res.writeHead(204)
        res.end()
      })
    })
    await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve))
    const shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`
    sandbox = await startSandbox({
      port: 0,
      dataDir: mkdtempSync(path.join(tmpdir(), "wxsandbox-")),
      timeScale: 0.001,
    })
    config = resolveWechatpayConfig(
      {},
      {
        ...sandbox.providerEnv,
        WECHATPAY_NOTIFY_URL: `${shopUrl}/hooks/payment/wechatpay_wechatpay`,
      }
    )
    client = new WechatpayClient(config)
  })

  afterAll(async () => {
    await sandbox?.close()
    await new Promise((resolve) => shop?.close(resolve))
  })

  const waitForCallback = async (count: number) => {
    for (let i = 0; i < 100 && callbacks.length < count; i++)
      await new Promise((r) => setTimeout(r, 50))
    expect(callbacks.length).toBeGreaterThanOrEqual(count)
    return callbacks[count - 1]
  }

  it("creates a bill waiting for the user, idempotently, and reports the outcome by callback", async () => {
    const input = {
      out_bill_no: outBillNoFor("afwd_01JTEST0001"),
      openid: "oUser1",
      amount: 1234,
      remark: "分销佣金提现",
    }
    const created = await createTransferBill(client, config, input)
    expect(created).toMatchObject({ out_bill_no: "afwd01JTEST0001", state: "WAIT_USER_CONFIRM" })
    // What the mini-program passes to wx.requestMerchantTransfer for the user to confirm.
    expect(created.package_info).toBe(`sandbox_pkg_${created.transfer_bill_no}`)
    // The same bill again (a retried request) is the same bill, not a second transfer.
    const again = await createTransferBill(client, config, input)
    expect(again.transfer_bill_no).toBe(created.transfer_bill_no)
    await expect(createTransferBill(client, config, { ...input, amount: 9999 })).rejects.toThrow(
      WechatpayApiError
    )

    await sandbox.confirmTransfer(created.out_bill_no)
    const callback = await waitForCallback(1)
    expect(callback.url).toBe("/hooks/wechatpay/transfer")
    expect(transferNotifyUrl(config)).toMatch(/\/hooks\/wechatpay\/transfer$/)
    const bill = readTransferNotification(config, callback.headers as never, callback.body)
    expect(bill).toMatchObject({
      out_bill_no: created.out_bill_no,
      state: "SUCCESS",
      transfer_amount: 1234,
      openid: "oUser1",
    })
    expect((await queryTransferBill(client, created.out_bill_no)).state).toBe("SUCCESS")

    // A tampered callback is not believed.
    const forged = callback.body.replace(
      '"MCHTRANSFER.BILL.FINISHED"',
      '"MCHTRANSFER.BILL.FINISHED" '
    )
    expect(readTransferNotification(config, callback.headers as never, forged)).toBeNull()
  })

  it("reports a failed transfer, and refuses what WeChat refuses", async () => {
    const created = await createTransferBill(client, config, {
      out_bill_no: outBillNoFor("afwd_01JTEST0002"),
      openid: "oUser2",
      amount: 500,
      remark: "分销佣金提现",
    })
    const before = callbacks.length
    await sandbox.confirmTransfer(created.out_bill_no, "FAIL")
    const callback = await waitForCallback(before + 1)
    expect(
      readTransferNotification(config, callback.headers as never, callback.body)
    ).toMatchObject({
      state: "FAIL",
      fail_reason: "TRANSFER_QUOTA_EXCEED",
    })
    await expect(
      createTransferBill(client, config, {
        out_bill_no: "afwd03",
        openid: "oUser3",
        amount: 5,
        remark: "x",
      })
    ).rejects.toThrow("transfer_amount")
    await expect(
      createTransferBill(client, config, {
        out_bill_no: "afwd04",
        openid: "oUser3",
        amount: 200000,
        remark: "x",
      })
    ).rejects.toThrow("user_name")
    expect(() => outBillNoFor("a-b")).toThrow()
  })
})
