import { randomUUID } from "crypto"
import { signRpcRequest } from "../../lib/sms/aliyun-rpc-signature"
import type { PrivacyBinding, PrivacyNumberProvider } from "./privacy-number-provider"

export type AliyunPlsOptions = {
  accessKeyId: string
  accessKeySecret: string
  /** The number pool (号池) the middle numbers come from. */
  poolKey: string
  endpoint?: string
}

const BEIJING_OFFSET_MS = 8 * 3_600_000

/** "yyyy-MM-dd HH:mm:ss" in Beijing time, as BindAxb's Expiration wants it. */
export function plsExpiration(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ")
}

/**
 * Aliyun 号码隐私保护 (Dyplsapi, API version 2017-05-25): BindAxb and UnbindSubscription, signed
 * with the RPC HMAC-SHA1 signature (version 1.0) the SMS sender uses.
 */
export class AliyunPlsProvider implements PrivacyNumberProvider {
  readonly vendor = "aliyun"

  constructor(
    private readonly options: AliyunPlsOptions,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => Date = () => new Date()
  ) {
    for (const key of ["accessKeyId", "accessKeySecret", "poolKey"] as const) {
      if (!options[key]) throw new Error(`Aliyun PLS: ${key} is required (ALIYUN_PLS_* env)`)
    }
  }

  /** The signed request parameters of one action, exposed for tests of the wire format. */
  signedParams(
    action: "BindAxb" | "UnbindSubscription",
    params: Record<string, string>,
    nonce: string = randomUUID()
  ): Record<string, string> {
    const all: Record<string, string> = {
      AccessKeyId: this.options.accessKeyId,
      Action: action,
      Format: "JSON",
      PoolKey: this.options.poolKey,
      RegionId: "cn-hangzhou",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: nonce,
      SignatureVersion: "1.0",
      Timestamp: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z"),
      Version: "2017-05-25",
      ...params,
    }
    return { ...all, Signature: signRpcRequest("POST", all, this.options.accessKeySecret) }
  }

  async bindAxb(input: {
    phone_a: string
    phone_b: string
    expires_at: Date
    out_id: string
  }): Promise<PrivacyBinding> {
    const body = await this.call("BindAxb", {
      PhoneNoA: input.phone_a.replace(/^\+86/, ""),
      PhoneNoB: input.phone_b.replace(/^\+86/, ""),
      Expiration: plsExpiration(input.expires_at),
      OutId: input.out_id,
    })
    const dto = body.SecretBindDTO as { SubsId?: string; SecretNo?: string } | undefined
    if (!dto?.SubsId || !dto.SecretNo) throw new Error("Aliyun PLS: BindAxb answered no binding")
    return { subs_id: dto.SubsId, secret_no: dto.SecretNo }
  }

  async unbind(binding: PrivacyBinding): Promise<void> {
    await this.call("UnbindSubscription", {
      SubsId: binding.subs_id,
      SecretNo: binding.secret_no,
    })
  }

  private async call(
    action: "BindAxb" | "UnbindSubscription",
    params: Record<string, string>
  ): Promise<Record<string, unknown>> {
    const response = await this.fetchImpl(
      this.options.endpoint ?? "https://dyplsapi.aliyuncs.com/",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(this.signedParams(action, params)).toString(),
        signal: AbortSignal.timeout(10_000),
      }
    )
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
    if (!response.ok || body.Code !== "OK") {
      throw new Error(
        `Aliyun PLS refused ${action}: ${String(body.Code ?? response.status)} ${String(body.Message ?? "")}`.trim()
      )
    }
    return body
  }
}

/** PRIVACY_NUMBER_PROVIDER=aliyun with ALIYUN_PLS_ACCESS_KEY_ID / _SECRET / _POOL_KEY / _ENDPOINT. */
export function privacyNumberProviderFromEnv(
  env: NodeJS.ProcessEnv = process.env
): PrivacyNumberProvider {
  const vendor = env.PRIVACY_NUMBER_PROVIDER || "aliyun"
  if (vendor !== "aliyun") {
    throw new Error(`PRIVACY_NUMBER_PROVIDER "${vendor}" is not supported (use aliyun)`)
  }
  return new AliyunPlsProvider({
    accessKeyId: env.ALIYUN_PLS_ACCESS_KEY_ID ?? "",
    accessKeySecret: env.ALIYUN_PLS_ACCESS_KEY_SECRET ?? "",
    poolKey: env.ALIYUN_PLS_POOL_KEY ?? "",
    endpoint: env.ALIYUN_PLS_ENDPOINT,
  })
}
