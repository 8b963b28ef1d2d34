import { randomUUID } from "crypto"
import { signRpcRequest } from "./aliyun-rpc-signature"
import type { SmsMessage, SmsSendResult, SmsSender } from "./sms-sender"

export type AliyunSmsOptions = {
  accessKeyId: string
  accessKeySecret: string
  signName: string
  /** Our template names → approved Aliyun template codes (SMS_xxxxxxxx). */
  templates: Partial<Record<SmsMessage["template"], string>>
  endpoint?: string
}

/** Aliyun Dysmsapi SendSms (API version 2017-05-25) with the RPC HMAC-SHA1 signature. */
export class AliyunSmsSender implements SmsSender {
  readonly vendor = "aliyun"

  constructor(
    private readonly options: AliyunSmsOptions,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => Date = () => new Date()
  ) {
    for (const key of ["accessKeyId", "accessKeySecret", "signName"] as const) {
      if (!options[key]) throw new Error(`Aliyun SMS: ${key} is required (SMS_ALIYUN_* env)`)
    }
  }

  /** The signed request parameters, exposed for tests of the exact wire format. */
  signedParams(message: SmsMessage, nonce: string = randomUUID()): Record<string, string> {
    const templateCode = this.options.templates[message.template]
    if (!templateCode)
      throw new Error(`Aliyun SMS: no template code configured for ${message.template}`)
    const params: Record<string, string> = {
      AccessKeyId: this.options.accessKeyId,
      Action: "SendSms",
      Format: "JSON",
      PhoneNumbers: message.phone.replace(/^\+86/, ""),
      RegionId: "cn-hangzhou",
      SignName: this.options.signName,
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: nonce,
      SignatureVersion: "1.0",
      TemplateCode: templateCode,
      TemplateParam: JSON.stringify(message.params),
      Timestamp: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z"),
      Version: "2017-05-25",
    }
    return { ...params, Signature: signRpcRequest("POST", params, this.options.accessKeySecret) }
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const response = await this.fetchImpl(
      this.options.endpoint ?? "https://dysmsapi.aliyuncs.com/",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(this.signedParams(message)).toString(),
        signal: AbortSignal.timeout(10_000),
      }
    )
    const body = (await response.json().catch(() => ({}))) as {
      Code?: string
      Message?: string
      BizId?: string
    }
    if (!response.ok || body.Code !== "OK") {
      throw new Error(
        `Aliyun SMS refused the message: ${body.Code ?? response.status} ${body.Message ?? ""}`.trim()
      )
    }
    return { vendor: this.vendor, messageId: body.BizId ?? "" }
  }
}
