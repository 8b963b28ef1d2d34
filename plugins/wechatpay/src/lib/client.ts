import { authorizationHeader, verifyWechatpaySignature } from "./signature"
import type { WechatpayConfig } from "./config"

export class WechatpayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(`微信支付 ${status} ${code}: ${message}`)
    this.name = "WechatpayApiError"
  }
}

/**
 * Calls the v3 API: signs every request, and refuses any response whose signature does
 * not verify, so a forged or tampered answer can never change a payment.
 */
export class WechatpayClient {
  constructor(
    private readonly config: WechatpayConfig,
    private readonly fetchImpl: typeof fetch = fetch
  ) {}

  async request<T>(
    method: "GET" | "POST",
    path: string,
    body?: unknown
  ): Promise<{ status: number; data: T }> {
    const payload = body === undefined ? "" : JSON.stringify(body)
    const response = await this.fetchImpl(`${this.config.apiBase}${path}`, {
      method,
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        "user-agent": "health-platform-wechatpay/0.1",
        authorization: authorizationHeader(
          {
            mchid: this.config.mchid,
            serialNo: this.config.serialNo,
            privateKey: this.config.privateKey,
          },
          method,
          path,
          payload
        ),
      },
      body: method === "POST" ? payload : undefined,
      signal: AbortSignal.timeout(15_000),
    })
    const text = await response.text()
    // WeChat signs every answer, empty 204s included; an unsigned one is not from WeChat.
    const verified = verifyWechatpaySignature(
      Object.fromEntries(response.headers.entries()),
      text,
      this.config.verificationKeys
    )
    if (!verified.ok) {
      throw new WechatpayApiError(
        response.status,
        "RESPONSE_SIGNATURE_INVALID",
        `response signature check failed (${verified.reason})`
      )
    }
    const data = (text ? JSON.parse(text) : {}) as T & { code?: string; message?: string }
    if (response.status >= 400) {
      throw new WechatpayApiError(
        response.status,
        data.code ?? "HTTP_ERROR",
        data.message ?? response.statusText
      )
    }
    return { status: response.status, data }
  }

  /**
   * A bill file from its download_url: the request is signed like any other, the answer is
   * the file itself (WeChat does not sign it; the bill's SHA1 from the signed answer checks it).
   */
  async download(downloadUrl: string): Promise<Buffer> {
    const url = new URL(downloadUrl)
    const response = await this.fetchImpl(url, {
      method: "GET",
      headers: {
        accept: "*/*",
        "user-agent": "health-platform-wechatpay/0.1",
        authorization: authorizationHeader(
          {
            mchid: this.config.mchid,
            serialNo: this.config.serialNo,
            privateKey: this.config.privateKey,
          },
          "GET",
          `${url.pathname}${url.search}`,
          ""
        ),
      },
      signal: AbortSignal.timeout(60_000),
    })
    const bytes = Buffer.from(await response.arrayBuffer())
    if (response.status >= 400) {
      let data: { code?: string; message?: string } = {}
      try {
        data = JSON.parse(bytes.toString("utf8"))
      } catch {
        data = {}
      }
      throw new WechatpayApiError(
        response.status,
        data.code ?? "HTTP_ERROR",
        data.message ?? response.statusText
      )
    }
    return bytes
  }
}
