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

  it("reports the payee's role and pay to WeChat: a commission by default, or what the caller names", async () => {
    const sent = jest.spyOn(client, "request")
    await createTransferBill(client, config, {
      out_bill_no: outBillNoFor("afwd_01JREPORT001"),
      openid: "oUserR1",
      amount: 500,
      remark: "分销佣金提现",
    })
    await createTransferBill(client, config, {
      out_bill_no: outBillNoFor("escwd_01JREPORT002"),
      openid: "oUserR2",
      amount: 500,
      remark: "陪诊服务收入提现",
      report: { role: "陪诊员", description: "陪诊服务收入提现" },
    })
    const reports = sent.mock.calls.map(
      ([, , body]) => (body as { transfer_scene_report_infos: unknown }).transfer_scene_report_infos
    )
    sent.mockRestore()
    expect(reports).toEqual([
      [
        { info_type: "岗位类型", info_content: "推广员" },
        { info_type: "报酬说明", info_content: "分销佣金提现" },
      ],
      [
        { info_type: "岗位类型", info_content: "陪诊员" },
        { info_type: "报酬说明", info_content: "陪诊服务收入提现" },
      ],
    ])
  })

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

  it("plays the user's WeChat: requestMerchantTransfer confirms only this merchant's waiting bill", async () => {
    const created = await createTransferBill(client, config, {
      out_bill_no: outBillNoFor("afwd_01JTEST0005"),
      openid: "oUser5",
      amount: 3050,
      remark: "分销佣金提现",
    })
    const confirm = async (params: Record<string, string>) => {
      const response = await fetch(`${sandbox.url}/sandbox/transfer/confirm-package`, {
        method: "POST",
        body: JSON.stringify(params),
      })
      return { status: response.status, body: await response.json() }
    }
    const right = { mchId: config.mchid, appId: config.appid, package: created.package_info! }
    const fail = (message: string) => ({
      status: 400,
      body: { err_msg: "requestMerchantTransfer:fail", message },
    })

    expect(await confirm({ ...right, mchId: "1900000001" })).toEqual(fail("商户号不正确"))
    expect(await confirm({ ...right, appId: "wx7777777777777777" })).toEqual(
      fail("appId 与发起转账时不一致")
    )
    expect(await confirm({ ...right, package: "sandbox_pkg_other" })).toEqual(
      fail("package 无效或已过期")
    )
    expect((await queryTransferBill(client, created.out_bill_no)).state).toBe("WAIT_USER_CONFIRM")

    const before = callbacks.length
    expect(await confirm(right)).toEqual({
      status: 200,
      body: { err_msg: "requestMerchantTransfer:ok", message: "已确认收款" },
    })
    const callback = await waitForCallback(before + 1)
    expect(
      readTransferNotification(config, callback.headers as never, callback.body)
    ).toMatchObject({ out_bill_no: created.out_bill_no, state: "SUCCESS", transfer_amount: 3050 })
    // A second tap after WeChat has paid changes nothing.
    expect(await confirm(right)).toEqual(fail("该转账已处理，无需再确认"))
    expect(callbacks.length).toBe(before + 1)
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
