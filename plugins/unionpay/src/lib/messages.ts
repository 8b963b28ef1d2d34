import { verifyAcpSignature, signAcp, type AcpFields } from "./acp-signature"
import { verifyUnionpayCertificate } from "./certificates"
import type { UnionpayConfig } from "./config"

/** Fields every merchant request carries (ACP 5.1.0, signMethod 01). */
export function commonFields(config: UnionpayConfig): AcpFields {
  return {
    version: "5.1.0",
    encoding: "UTF-8",
    signMethod: "01",
    certId: config.signing.certId,
    merId: config.merId,
    accessType: "0",
  }
}

/** Adds the merchant's signature to a request. */
export function signRequest(fields: AcpFields, config: UnionpayConfig): AcpFields {
  return { ...fields, signature: signAcp(fields, config.signing.privateKey) }
}

export type MessageVerdict = { ok: true } | { ok: false; reason: string }

/**
 * A response or back notification from UnionPay: its `signPubKeyCert` must chain to the
 * configured root through the middle certificate and name UnionPay, and its key must verify
 * the signature over every other field. Nothing unverified is ever read further.
 */
export function verifyUnionpayMessage(
  fields: AcpFields,
  config: Pick<UnionpayConfig, "root" | "middle" | "testEnvironment">
): MessageVerdict {
  if (fields.signMethod !== "01")
    return { ok: false, reason: `unsupported signMethod ${fields.signMethod}` }
  if (!fields.signPubKeyCert) return { ok: false, reason: "no signPubKeyCert" }
  if (!fields.signature) return { ok: false, reason: "no signature" }
  const certificate = verifyUnionpayCertificate(fields.signPubKeyCert, config)
  if (!certificate.ok) return certificate
  if (!verifyAcpSignature(fields, certificate.certificate.publicKey))
    return { ok: false, reason: "signature does not verify" }
  return { ok: true }
}
