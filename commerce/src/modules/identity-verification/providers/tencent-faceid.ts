import { randomUUID } from "node:crypto"
import type {
  IdentityAnswer,
  IdentityCheck,
  IdentityOutcome,
  IdentityProvider,
} from "./identity-provider"
import { tc3Authorization } from "./tc3-signature"

export type TencentFaceIdOptions = {
  secretId: string
  secretKey: string
  /** https://faceid.tencentcloudapi.com, or the local stand-in's address. */
  endpoint: string
  region: string
  fetchImpl?: typeof fetch
  now?: () => Date
}

const VERSION = "2018-03-01"

/**
 * IdCardVerification (身份证二要素核验) results, from Tencent Cloud's API reference:
 * 0 一致; -1 不一致; -2 非法身份证号; -3 非法姓名; -4 证件库服务异常; -5 证件库中无此身份证记录;
 * -6 权威比对系统升级中; -7 认证次数超过当日限制.
 */
const ID_CARD_OUTCOMES: Record<string, IdentityOutcome> = {
  "0": "match",
  "-1": "mismatch",
  "-2": "invalid",
  "-3": "invalid",
  "-4": "unavailable",
  "-5": "mismatch",
  "-6": "unavailable",
  "-7": "unavailable",
}

type TencentResponse = {
  Response?: {
    Result?: string
    Description?: string
    IdCard?: string
    Name?: string
    RequestId?: string
    Error?: { Code: string; Message: string }
  }
}

/**
 * Tencent Cloud FaceID (人脸核身) over its signed JSON API: IdCardVerification for name +
 * ID number, GetFaceIdResult for a face-capture token (the SDK's FaceIdToken), whose
 * verified name and ID number must also be the ones given.
 */
export class TencentFaceIdProvider implements IdentityProvider {
  readonly id = "tencent-faceid"
  private readonly host: string

  constructor(private readonly options: TencentFaceIdOptions) {
    this.host = new URL(options.endpoint).host
  }

  async verify(check: IdentityCheck): Promise<IdentityAnswer> {
    if (check.face_token) return this.verifyFace(check, check.face_token)
    const response = await this.call("IdCardVerification", {
      IdCard: check.id_number,
      Name: check.name,
    })
    if ("error" in response) return response.error
    const code = response.Result ?? ""
    return {
      outcome: ID_CARD_OUTCOMES[code] ?? "unavailable",
      code,
      description: response.Description ?? "",
      request_id: response.RequestId ?? null,
    }
  }

  private async verifyFace(check: IdentityCheck, token: string): Promise<IdentityAnswer> {
    const response = await this.call("GetFaceIdResult", { FaceIdToken: token })
    if ("error" in response) return response.error
    const code = response.Result ?? ""
    const samePerson =
      response.IdCard?.toUpperCase() === check.id_number.toUpperCase() &&
      response.Name === check.name
    return {
      outcome: code === "0" ? (samePerson ? "match" : "mismatch") : "mismatch",
      code,
      description: response.Description ?? "",
      request_id: response.RequestId ?? null,
    }
  }

  private async call(
    action: string,
    body: Record<string, string>
  ): Promise<NonNullable<TencentResponse["Response"]> | { error: IdentityAnswer }> {
    const payload = JSON.stringify(body)
    const timestamp = Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000)
    const contentType = "application/json; charset=utf-8"
    const authorization = tc3Authorization({
      secretId: this.options.secretId,
      secretKey: this.options.secretKey,
      service: "faceid",
      host: this.host,
      payload,
      timestamp,
      contentType,
    })
    const unavailable = (code: string, description: string): { error: IdentityAnswer } => ({
      error: { outcome: "unavailable", code, description, request_id: null },
    })
    let response: Response
    try {
      response = await (this.options.fetchImpl ?? fetch)(this.options.endpoint, {
        method: "POST",
        headers: {
          Authorization: authorization,
          "Content-Type": contentType,
          Host: this.host,
          "X-TC-Action": action,
          "X-TC-Version": VERSION,
          "X-TC-Timestamp": String(timestamp),
          "X-TC-Region": this.options.region,
          "X-TC-RequestClient": `health-platform-${randomUUID().slice(0, 8)}`,
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      })
    } catch (error) {
      return unavailable("network", (error as Error).message)
    }
    const parsed = (await response.json().catch(() => ({}))) as TencentResponse
    const answer = parsed.Response
    if (!answer) return unavailable(`http-${response.status}`, "实名认证服务应答无法解析")
    if (answer.Error) {
      return {
        error: {
          // A bad IdCard or Name is refused as a parameter error before any lookup.
          outcome: answer.Error.Code.startsWith("InvalidParameter") ? "invalid" : "unavailable",
          code: answer.Error.Code,
          description: answer.Error.Message,
          request_id: answer.RequestId ?? null,
        },
      }
    }
    return answer
  }
}
