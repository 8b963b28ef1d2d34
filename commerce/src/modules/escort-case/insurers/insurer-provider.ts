/**
 * What the guarantee desk needs from a liability insurer: a policy per paid booking, a claim
 * per upheld case, and verification of the insurer's signed status callbacks. The signed JSON
 * contract (scripts/insurer-standin.mjs, README "保险对接") is what a real insurer's adapter
 * implements.
 */
export type PolicyRequest = {
  /** Our booking id: the insurer's idempotency key (the same booking gets the same policy). */
  booking_id: string
  service_name: string
  service_date: string
  city: string
  price_fen: number
}

export type IssuedPolicy = { policy_no: string; premium_fen: number; coverage_fen: number }

export type ClaimRequest = {
  /** Our case id: the insurer's idempotency key. */
  case_id: string
  policy_no: string
  amount_fen: number
  description: string
}

export type FiledClaim = { claim_no: string; status: "filed" | "approved" | "rejected" | "paid" }

export type ClaimCallback = {
  claim_no: string
  status: "approved" | "rejected" | "paid"
  paid_fen: number | null
  reason: string | null
}

export interface InsurerProvider {
  readonly id: string
  issuePolicy(request: PolicyRequest): Promise<IssuedPolicy>
  fileClaim(request: ClaimRequest): Promise<FiledClaim>
  /** The callback's parsed body when its signature is the insurer's, else null. */
  verifyCallback(headers: Record<string, string | undefined>, rawBody: string): ClaimCallback | null
}
