import { createHmac } from "crypto"

/** RFC 3986 encoding as Alibaba Cloud's RPC signature requires (spaces as %20, * and ~ fixed). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/\+/g, "%20")
    .replace(/\*/g, "%2A")
    .replace(/%7E/g, "~")
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The canonicalized query: parameters sorted by name, each name and value percent-encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join("&")
}

/** StringToSign = METHOD & percentEncode("/") & percentEncode(canonicalized query). */
export function stringToSign(method: "GET" | "POST", params: Record<string, string>): string {
  return `${method}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`
}

/** Signature version 1.0: base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)). */
export function signRpcRequest(
  method: "GET" | "POST",
  params: Record<string, string>,
  accessKeySecret: string
): string {
  return createHmac("sha1", `${accessKeySecret}&`)
    .update(stringToSign(method, params))
    .digest("base64")
}
