import { randomUUID } from "crypto"
import type {
  ClaimCallback,
  ClaimRequest,
  FiledClaim,
  InsurerProvider,
  IssuedPolicy,
  PolicyRequest,
} from "./insurer-provider"
import { insurerSignature, insurerSignatureValid } from "./insurer-signature"

export type SignedJsonInsurerOptions = { api_url: string; app_id: string; secret: string }

/**
 * The signed JSON insurer API (the stand-in speaks it; a real insurer's gateway is adapted
 * to it): POST /v1/policies and /v1/claims, each request signed (insurer-signature.ts) and
 * each answer `{ code: "SUCCESS", data }` or `{ code, message }`.
 */
export class SignedJsonInsurer implements InsurerProvider {
  readonly id = "signed_json"

  constructor(private readonly options: SignedJsonInsurerOptions) {}

  issuePolicy(request: PolicyRequest): Promise<IssuedPolicy> {
    return this.call<IssuedPolicy>("/v1/policies", request)
  }

  fileClaim(request: ClaimRequest): Promise<FiledClaim> {
    return this.call<FiledClaim>("/v1/claims", request)
  }

  verifyCallback(headers: Record<string, string | undefined>, rawBody: string) {
    if (!insurerSignatureValid(this.options.secret, this.options.app_id, headers, rawBody)) {
      return null
    }
    const body = JSON.parse(rawBody) as Partial<ClaimCallback>
    if (typeof body.claim_no !== "string") return null
    if (!["approved", "rejected", "paid"].includes(String(body.status))) return null
    return {
      claim_no: body.claim_no,
      status: body.status as ClaimCallback["status"],
      paid_fen: Number.isInteger(body.paid_fen) ? Number(body.paid_fen) : null,
      reason: typeof body.reason === "string" ? body.reason : null,
    }
  }

  private async call<T>(path: string, payload: unknown): Promise<T> {
    const body = JSON.stringify(payload)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomUUID()
    const signature = insurerSignature(this.options.secret, {
      app_id: this.options.app_id,
      timestamp,
      nonce,
      body,
    })
    const response = await fetch(`${this.options.api_url.replace(/\/$/, "")}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-insurer-appid": this.options.app_id,
        "x-insurer-timestamp": timestamp,
        "x-insurer-nonce": nonce,
        "x-insurer-signature": signature,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    })
    const answer = (await response.json().catch(() => ({}))) as {
      code?: string
      message?: string
      data?: T
    }
    if (!response.ok || answer.code !== "SUCCESS" || !answer.data) {
      throw new Error(`insurer ${path}: ${answer.code ?? response.status} ${answer.message ?? ""}`)
    }
    return answer.data
  }
}
