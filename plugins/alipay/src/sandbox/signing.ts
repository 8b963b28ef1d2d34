import { createSign, createVerify } from "crypto"

/**
 * Alipay's sign content: the parameters sorted by name, empty values and the excluded
 * names left out, joined as k=v&k=v, values as they are (not URL-encoded).
 */
export function signContent(parameters: Record<string, string>, exclude: string[]): string {
  return Object.keys(parameters)
    .filter(
      (key) => !exclude.includes(key) && parameters[key] !== undefined && parameters[key] !== ""
    )
    .sort()
    .map((key) => `${key}=${parameters[key]}`)
    .join("&")
}

export function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign("RSA-SHA256").update(content, "utf8").sign(privateKeyPem, "base64")
}

export function rsa2Verify(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify("RSA-SHA256")
      .update(content, "utf8")
      .verify(publicKeyPem, signature, "base64")
  } catch {
    return false
  }
}
