import { X509Certificate } from "crypto"
import { decryptResource } from "../aead"
import vectors from "./fixtures/wechatpay-java-sdk-aead-vectors.json"

// Data encrypted by WeChat Pay's own code, not by our encryptor: the vectors of WeChat Pay's
// official Java SDK tests (source in the fixture). WeChat's documentation shows only "..."
// for ciphertexts, so these are the published examples with a known plaintext.
describe("AEAD_AES_256_GCM against WeChat Pay's published vectors", () => {
  it("decrypts the SDK's cipher test vector to its plaintext", () => {
    const { associated_data, nonce, ciphertext, plaintext } = vectors.message
    expect(
      decryptResource(
        { algorithm: "AEAD_AES_256_GCM", associated_data, nonce, ciphertext },
        vectors.api_v3_key
      )
    ).toBe(plaintext)
  })

  it("decrypts a downloaded platform certificate to the certificate its serial_no names", () => {
    const [entry] = vectors.download_certificates_response.data
    const pem = decryptResource(
      { ...entry.encrypt_certificate, algorithm: "AEAD_AES_256_GCM" },
      vectors.api_v3_key
    )
    const certificate = new X509Certificate(pem)
    expect(certificate.serialNumber).toBe(entry.serial_no)
    expect(certificate.subject).toContain("CN=Tenpay.com sign")
  })

  it("refuses the published vector under another key or associated data", () => {
    const { nonce, ciphertext } = vectors.message
    const resource = { algorithm: "AEAD_AES_256_GCM" as const, nonce, ciphertext }
    expect(() =>
      decryptResource({ ...resource, associated_data: "associatedData" }, "b".repeat(32))
    ).toThrow()
    expect(() =>
      decryptResource({ ...resource, associated_data: "transaction" }, vectors.api_v3_key)
    ).toThrow()
  })
})
