import { execFileSync } from "child_process"
import { createHash, generateKeyPairSync, randomInt, X509Certificate } from "crypto"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs"
import { tmpdir } from "os"
import path from "path"

/** Everything the sandbox and an app configured against it need to trust each other. */
export type AlipaySandboxKeys = {
  mode: "public_key" | "certificate"
  appId: string
  /** The merchant's PID (seller_id). */
  sellerId: string
  /** The app's key pair: the app signs with the private key; the sandbox verifies with the public. */
  appPrivateKey: string
  appPublicKey: string
  /** "Alipay's" key pair: the sandbox signs responses and notifications with it. */
  alipayPrivateKey: string
  alipayPublicKey: string
  /** Certificate mode: both public keys in certificates issued by the sandbox's root. */
  appCert?: string
  alipayPublicCert?: string
  alipayRootCert?: string
}

function rsaPair() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
  }
}

/**
 * Certificates as Alipay's open platform issues them: a root, and the app's and Alipay's
 * public keys in certificates it signed. Node can read but not write X.509, so openssl does.
 */
function issueCertificates(appPrivateKey: string, alipayPrivateKey: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "alipay-sandbox-certs-"))
  const file = (name: string) => path.join(dir, name)
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" })
  try {
    writeFileSync(file("app.key"), appPrivateKey)
    writeFileSync(file("alipay.key"), alipayPrivateKey)
    openssl("genrsa", "-out", file("root.key"), "2048")
    openssl(
      "req",
      "-x509",
      "-new",
      "-key",
      file("root.key"),
      "-sha256",
      "-days",
      "3650",
      "-subj",
      "/C=CN/O=Sandbox Ant Financial/OU=Certification Authority/CN=Sandbox Alipay Root CA",
      "-out",
      file("root.crt")
    )
    const issue = (key: string, subject: string, out: string) => {
      openssl("req", "-new", "-key", file(key), "-subj", subject, "-out", file(`${out}.csr`))
      openssl(
        "x509",
        "-req",
        "-in",
        file(`${out}.csr`),
        "-CA",
        file("root.crt"),
        "-CAkey",
        file("root.key"),
        "-set_serial",
        String(randomInt(1, 2 ** 47)),
        "-days",
        "3650",
        "-sha256",
        "-out",
        file(`${out}.crt`)
      )
      return readFileSync(file(`${out}.crt`), "utf8")
    }
    return {
      alipayRootCert: readFileSync(file("root.crt"), "utf8"),
      appCert: issue("app.key", "/C=CN/O=Sandbox Merchant/OU=Alipay/CN=2021000000000001", "app"),
      alipayPublicCert: issue(
        "alipay.key",
        "/C=CN/O=Sandbox Ant Financial/OU=Alipay/CN=Sandbox Alipay",
        "alipay"
      ),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Fresh keys for one sandbox run (and certificates in certificate mode). */
export function createAlipaySandboxKeys(
  mode: "public_key" | "certificate" = "public_key"
): AlipaySandboxKeys {
  const app = rsaPair()
  const alipay = rsaPair()
  return {
    mode,
    appId: "2021000000000001",
    sellerId: "2088000000000001",
    appPrivateKey: app.privateKey,
    appPublicKey: app.publicKey,
    alipayPrivateKey: alipay.privateKey,
    alipayPublicKey: alipay.publicKey,
    ...(mode === "certificate" ? issueCertificates(app.privateKey, alipay.privateKey) : {}),
  }
}

/**
 * A certificate's serial number as Alipay computes it (app_cert_sn, alipay_cert_sn): MD5 of
 * the issuer's attributes in reverse order, comma-joined, followed by the decimal serial.
 */
export function alipayCertificateSn(pem: string): string {
  const certificate = new X509Certificate(pem)
  const issuer = certificate.issuer.split("\n").reverse().join(",")
  const serial = BigInt(`0x${certificate.serialNumber}`).toString(10)
  return createHash("md5")
    .update(issuer + serial, "utf8")
    .digest("hex")
}

/** The environment that configures the app's provider against this sandbox. */
export function providerEnv(
  keys: AlipaySandboxKeys,
  gateway: string,
  notifyUrl: string
): Record<string, string> {
  return {
    ALIPAY_APP_ID: keys.appId,
    ALIPAY_PRIVATE_KEY: keys.appPrivateKey,
    ALIPAY_SELLER_ID: keys.sellerId,
    ALIPAY_GATEWAY: gateway,
    ALIPAY_NOTIFY_URL: notifyUrl,
    ...(keys.mode === "certificate"
      ? {
          ALIPAY_APP_CERT: keys.appCert!,
          ALIPAY_PUBLIC_CERT: keys.alipayPublicCert!,
          ALIPAY_ROOT_CERT: keys.alipayRootCert!,
        }
      : { ALIPAY_PUBLIC_KEY: keys.alipayPublicKey }),
  }
}

/** Keys kept in `dir` (alipay-sandbox-keys.json), so a restarted sandbox and app still agree. */
export function loadOrCreateAlipaySandboxKeys(
  dir: string,
  mode: "public_key" | "certificate" = "public_key"
): AlipaySandboxKeys {
  const file = path.join(dir, `alipay-sandbox-keys-${mode}.json`)
  try {
    return JSON.parse(readFileSync(file, "utf8")) as AlipaySandboxKeys
  } catch {
    const keys = createAlipaySandboxKeys(mode)
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 })
    return keys
  }
}
