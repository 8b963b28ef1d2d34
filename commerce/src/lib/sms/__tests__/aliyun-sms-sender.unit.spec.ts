import { createHmac } from "crypto"
import http from "http"
import type { AddressInfo } from "net"
import { canonicalQuery, percentEncode, stringToSign } from "../aliyun-rpc-signature"
import { AliyunSmsSender } from "../aliyun-sms-sender"

const options = {
  accessKeyId: "testid",
  accessKeySecret: "testsecret",
  signName: "健康服务平台",
  templates: { "auth-code": "SMS_123456789" },
}
const message = {
  phone: "+8613800138000",
  template: "auth-code" as const,
  params: { code: "123456" },
}

describe("Aliyun RPC signature", () => {
  it("percent-encodes as RFC 3986 with Aliyun's exceptions", () => {
    expect(percentEncode("a b*c~d/é")).toBe("a%20b%2Ac~d%2F%C3%A9")
  })

  it("builds the documented string to sign: METHOD&%2F&encoded sorted query", () => {
    const params = { Version: "2017-05-25", Action: "SendSms", SignName: "健康" }
    expect(canonicalQuery(params)).toBe(
      "Action=SendSms&SignName=%E5%81%A5%E5%BA%B7&Version=2017-05-25"
    )
    expect(stringToSign("POST", params)).toBe(
      "POST&%2F&Action%3DSendSms%26SignName%3D%25E5%2581%25A5%25E5%25BA%25B7%26Version%3D2017-05-25"
    )
  })

  it("signs with HMAC-SHA1 keyed by secret + '&' over every parameter but Signature", () => {
    const sender = new AliyunSmsSender(options, fetch, () => new Date("2026-11-24T08:30:00.123Z"))
    const signed = sender.signedParams(message, "nonce-1")
    expect(signed).toMatchObject({
      Action: "SendSms",
      PhoneNumbers: "13800138000",
      TemplateCode: "SMS_123456789",
      TemplateParam: '{"code":"123456"}',
      Timestamp: "2026-11-24T08:30:00Z",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      SignatureNonce: "nonce-1",
    })
    const { Signature, ...rest } = signed
    const expected = createHmac("sha1", "testsecret&")
      .update(stringToSign("POST", rest))
      .digest("base64")
    expect(Signature).toBe(expected)
  })
})

describe("AliyunSmsSender over HTTP", () => {
  let server: http.Server
  let received: URLSearchParams | null
  let answer: object

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ""
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => {
        received = new URLSearchParams(body)
        res.setHeader("content-type", "application/json")
        res.end(JSON.stringify(answer))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  const endpoint = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

  it("posts the signed form and returns the BizId", async () => {
    answer = { Code: "OK", Message: "OK", BizId: "biz-1", RequestId: "r" }
    const sender = new AliyunSmsSender({ ...options, endpoint: endpoint() })
    await expect(sender.send(message)).resolves.toEqual({ vendor: "aliyun", messageId: "biz-1" })
    const params = Object.fromEntries(received!.entries())
    const { Signature, ...rest } = params
    expect(Signature).toBe(
      createHmac("sha1", "testsecret&").update(stringToSign("POST", rest)).digest("base64")
    )
  })

  it("raises the vendor's error code", async () => {
    answer = { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发分钟级流控" }
    const sender = new AliyunSmsSender({ ...options, endpoint: endpoint() })
    await expect(sender.send(message)).rejects.toThrow("isv.BUSINESS_LIMIT_CONTROL 触发分钟级流控")
  })

  it("refuses to start without credentials", () => {
    expect(() => new AliyunSmsSender({ ...options, accessKeySecret: "" })).toThrow(
      "accessKeySecret"
    )
  })
})
