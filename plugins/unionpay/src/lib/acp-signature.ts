import { createHash, createSign, createVerify, type KeyObject } from "crypto"

/** Every field of an ACP message is a string; empty ones are never sent, signed or verified. */
export type AcpFields = Record<string, string>

/**
 * The text ACP 5.1.0 signs: every non-empty field but `signature`, keys in code-unit order
 * (Java's TreeMap in UnionPay's SDK), joined as `k=v&k=v` with values as they are (no URL
 * encoding).
 */
export function signableText(fields: AcpFields): string {
  return Object.keys(fields)
    .filter((key) => key !== "signature" && fields[key] !== undefined && fields[key] !== "")
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("&")
}

/** signMethod 01: the SHA-256 digest in lowercase hex, itself signed SHA256withRSA. */
function digestHex(fields: AcpFields): string {
  return createHash("sha256").update(signableText(fields), "utf8").digest("hex")
}

/** The base64 `signature` of a message, signed with the merchant's (or UnionPay's) key. */
export function signAcp(fields: AcpFields, privateKey: KeyObject): string {
  return createSign("RSA-SHA256").update(digestHex(fields), "utf8").sign(privateKey, "base64")
}

export function verifyAcpSignature(fields: AcpFields, publicKey: KeyObject): boolean {
  if (!fields.signature) return false
  try {
    return createVerify("RSA-SHA256")
      .update(digestHex(fields), "utf8")
      .verify(publicKey, fields.signature, "base64")
  } catch {
    return false
  }
}

/** Empty values dropped (UnionPay's SDK filters blanks before signing). */
export function withoutBlanks(fields: Record<string, string | undefined>): AcpFields {
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => !!entry[1])
  )
}
