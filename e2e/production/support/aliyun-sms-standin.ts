// A stand-in for Alibaba Cloud's SMS API (Dysmsapi SendSms, RPC style, version 2017-05-25) on
// 127.0.0.1: it checks each request the way Aliyun does (known AccessKeyId, HMAC-SHA1
// signature version 1.0 over the canonicalized query, fresh timestamp, nonce used once, known
// sign name and template) and keeps what it accepted, so a test reads the code a member got.
// The signature is computed here from Aliyun's documentation, not with commerce's code.
import { createHmac, randomUUID } from "node:crypto"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export interface AliyunSmsCredentials {
  accessKeyId: string
  accessKeySecret: string
  signName: string
  /** Approved template codes (SMS_xxxxxxxx). */
  templateCodes: string[]
}

export interface DeliveredSms {
  phone: string
  signName: string
  templateCode: string
  params: Record<string, string>
  receivedAt: Date
}

/** Aliyun's percent-encoding: RFC 3986, spaces as %20, `*` encoded, `~` kept. */
function percentEncode(value: string) {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%7E/g, "~")
}

export function expectedSignature(
  method: string,
  params: Record<string, string>,
  accessKeySecret: string
) {
  const canonical = Object.keys(params)
    .filter((key) => key !== "Signature")
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join("&")
  const toSign = `${method}&${percentEncode("/")}&${percentEncode(canonical)}`
  return createHmac("sha1", `${accessKeySecret}&`).update(toSign).digest("base64")
}

const TIMESTAMP_SKEW_MS = 15 * 60 * 1000

export interface AliyunSmsStandin {
  endpoint: string
  delivered: DeliveredSms[]
  /** Requests refused, with Aliyun's error code, for assertions on what went wrong. */
  refused: { code: string; message: string }[]
  /** Waits for the next message to `phone` (already delivered ones count). */
  waitForMessage(phone: string, timeoutMs?: number): Promise<DeliveredSms>
  stop(): Promise<void>
}

export async function startAliyunSmsStandin(
  credentials: AliyunSmsCredentials,
  port = 0,
  /** Called with each accepted message (the e2e stack writes it where journeys read it). */
  onDelivered?: (sms: DeliveredSms) => void
): Promise<AliyunSmsStandin> {
  const delivered: DeliveredSms[] = []
  const refused: { code: string; message: string }[] = []
  const nonces = new Set<string>()

  const check = (method: string, params: Record<string, string>) => {
    if (params.AccessKeyId !== credentials.accessKeyId)
      return ["InvalidAccessKeyId.NotFound", "Specified access key is not found."]
    if (params.SignatureMethod !== "HMAC-SHA1" || params.SignatureVersion !== "1.0")
      return ["InvalidSignatureMethod", "Specified signature method is not supported."]
    if (params.Signature !== expectedSignature(method, params, credentials.accessKeySecret))
      return ["SignatureDoesNotMatch", "Specified signature is not matched with our calculation."]
    const timestamp = Date.parse(params.Timestamp ?? "")
    if (!/Z$/.test(params.Timestamp ?? "") || Number.isNaN(timestamp))
      return ["InvalidTimeStamp.Format", "Specified time stamp is not valid."]
    if (Math.abs(Date.now() - timestamp) > TIMESTAMP_SKEW_MS)
      return ["InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."]
    if (!params.SignatureNonce || nonces.has(params.SignatureNonce))
      return ["SignatureNonceUsed", "Specified signature nonce was used already."]
    if (params.Action !== "SendSms" || params.Version !== "2017-05-25")
      return [
        "InvalidAction.NotFound",
        "Specified api is not found, please check your url and method.",
      ]
    if (params.SignName !== credentials.signName)
      return ["isv.SMS_SIGNATURE_ILLEGAL", "签名不合法(不存在或被拉黑)"]
    if (!credentials.templateCodes.includes(params.TemplateCode))
      return ["isv.SMS_TEMPLATE_ILLEGAL", "模板不合法(不存在或被拉黑)"]
    if (!/^1\d{10}$/.test(params.PhoneNumbers ?? ""))
      return ["isv.MOBILE_NUMBER_ILLEGAL", "非法手机号"]
    return null
  }

  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      const method = req.method === "GET" ? "GET" : "POST"
      const query = new URL(req.url || "/", "http://standin").searchParams
      const form = new URLSearchParams(method === "POST" ? body : "")
      const params = Object.fromEntries([...query.entries(), ...form.entries()])
      const requestId = randomUUID().toUpperCase()
      const problem = check(method, params)
      res.setHeader("content-type", "application/json;charset=utf-8")
      if (problem) {
        const [code, message] = problem
        refused.push({ code, message })
        res.statusCode = code === "SignatureDoesNotMatch" || code.startsWith("Invalid") ? 400 : 200
        res.end(JSON.stringify({ RequestId: requestId, Code: code, Message: message }))
        return
      }
      nonces.add(params.SignatureNonce)
      let templateParams: Record<string, string> = {}
      try {
        templateParams = JSON.parse(params.TemplateParam || "{}")
      } catch {
        refused.push({ code: "isv.INVALID_JSON_PARAM", message: "JSON参数不合法" })
        res.end(
          JSON.stringify({
            RequestId: requestId,
            Code: "isv.INVALID_JSON_PARAM",
            Message: "JSON参数不合法",
          })
        )
        return
      }
      const sms: DeliveredSms = {
        phone: params.PhoneNumbers,
        signName: params.SignName,
        templateCode: params.TemplateCode,
        params: templateParams,
        receivedAt: new Date(),
      }
      delivered.push(sms)
      onDelivered?.(sms)
      res.end(
        JSON.stringify({
          RequestId: requestId,
          Code: "OK",
          Message: "OK",
          BizId: `${Date.now()}^0`,
        })
      )
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => resolve())
  })
  const address = server.address() as AddressInfo

  return {
    endpoint: `http://127.0.0.1:${address.port}/`,
    delivered,
    refused,
    async waitForMessage(phone, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const message = delivered.find((sms) => sms.phone === phone)
        if (message) return message
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      throw new Error(
        `no SMS to ${phone} within ${timeoutMs / 1000} s (refused: ${JSON.stringify(refused)})`
      )
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
