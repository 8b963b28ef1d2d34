import { createHash, createHmac } from "node:crypto"

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")
const hmac = (key: Buffer | string, text: string) =>
  createHmac("sha256", key).update(text, "utf8").digest()

export type Tc3Request = {
  secretId: string
  secretKey: string
  /** The product's short name, e.g. `faceid`; also the first label of its host. */
  service: string
  host: string
  /** The exact JSON body sent. */
  payload: string
  /** Unix seconds; Tencent Cloud refuses requests more than 5 minutes off its clock. */
  timestamp: number
  contentType?: string
}

/**
 * Tencent Cloud API 3.0's TC3-HMAC-SHA256 `Authorization` header for a POST to `/` with a
 * JSON body, signing `content-type` and `host` as Tencent's own SDKs do.
 */
export function tc3Authorization(request: Tc3Request): string {
  const contentType = request.contentType ?? "application/json; charset=utf-8"
  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10)
  const signedHeaders = "content-type;host"
  const canonicalRequest = [
    "POST",
    "/",
    "",
    `content-type:${contentType}\nhost:${request.host}\n`,
    signedHeaders,
    sha256Hex(request.payload),
  ].join("\n")
  const scope = `${date}/${request.service}/tc3_request`
  const stringToSign = [
    "TC3-HMAC-SHA256",
    String(request.timestamp),
    scope,
    sha256Hex(canonicalRequest),
  ].join("\n")
  const signing = hmac(hmac(hmac(`TC3${request.secretKey}`, date), request.service), "tc3_request")
  const signature = createHmac("sha256", signing).update(stringToSign, "utf8").digest("hex")
  return `TC3-HMAC-SHA256 Credential=${request.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
}
