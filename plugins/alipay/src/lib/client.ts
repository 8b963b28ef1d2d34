import { AlipaySdk } from "alipay-sdk"
import type { AlipayConfig } from "./config"

/** An answer of Alipay's other than code 10000: code, sub_code ("ACQ.TRADE_NOT_EXIST"), sub_msg. */
export class AlipayApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    readonly subCode: string,
    readonly subMsg: string
  ) {
    super(`支付宝 ${method} 失败：${subMsg || code}（${subCode || code}）`)
  }
}

/**
 * The official alipay-sdk, configured once: it signs requests (RSA2, PKCS#8 key), verifies
 * every response's signature against Alipay's public key (or the key in Alipay's
 * certificate, certificate mode), and verifies notifications.
 */
export class AlipayClient {
  readonly sdk: AlipaySdk

  constructor(readonly config: AlipayConfig) {
    this.sdk = new AlipaySdk({
      appId: config.appId,
      privateKey: config.privateKey,
      keyType: "PKCS8",
      signType: "RSA2",
      gateway: config.gateway,
      // Keep Alipay's own field names (trade_status, total_amount, …).
      camelcase: false,
      timeout: 10_000,
      ...(config.mode === "public_key"
        ? { alipayPublicKey: config.alipayPublicKey }
        : {
            appCertContent: config.appCert,
            alipayPublicCertContent: config.alipayPublicCert,
            alipayRootCertContent: config.alipayRootCert,
          }),
    })
  }

  /** Calls an OpenAPI method; resolves with the verified response body, rejects on codes ≠ 10000. */
  async call<T extends Record<string, unknown>>(
    method: string,
    bizContent: Record<string, unknown>
  ): Promise<T> {
    const answer = (await this.sdk.exec(method, { bizContent }, { validateSign: true })) as Record<
      string,
      unknown
    >
    if (answer.code !== "10000") {
      throw new AlipayApiError(
        method,
        String(answer.code ?? ""),
        String(answer.sub_code ?? ""),
        String(answer.sub_msg ?? answer.msg ?? "")
      )
    }
    return answer as T
  }

  /**
   * A page method (page.pay, wap.pay) signed for the shopper's browser: the signed GET URL,
   * and the same request as a form to post (Alipay's own SDK form: every parameter a field,
   * only the charset in the action). Fields carry the values as signed, so nothing between
   * here and the browser has to keep a URL's percent-encoding intact: a PC's page.pay whose
   * signature rode in the action's query string arrived with `+` turned into spaces.
   */
  pageRequest(
    method: string,
    bizContent: Record<string, unknown>,
    urls: { notifyUrl: string; returnUrl?: string | null }
  ): { action: string; fields: Record<string, string>; url: string } {
    const url = new URL(
      this.sdk.pageExecute(method, "GET", {
        bizContent,
        notifyUrl: urls.notifyUrl,
        ...(urls.returnUrl ? { returnUrl: urls.returnUrl } : {}),
      })
    )
    const action = new URL(url.origin + url.pathname)
    action.searchParams.set("charset", url.searchParams.get("charset") ?? "utf-8")
    const fields = Object.fromEntries(url.searchParams)
    return { action: action.toString(), fields, url: url.toString() }
  }

  /** A notification's parameters (form-decoded) carry a valid RSA2 signature by Alipay. */
  verifyNotification(parameters: Record<string, string>): boolean {
    if (!parameters.sign) return false
    try {
      return this.sdk.checkNotifySignV2(parameters)
    } catch {
      return false
    }
  }
}
