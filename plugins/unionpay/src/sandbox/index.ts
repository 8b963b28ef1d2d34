/** The sandbox's public entry (`@health/medusa-plugin-unionpay/sandbox`): tests and the e2e stack. */
export {
  startSandbox,
  signAsUnionpay,
  RETRY_SCHEDULE,
  type Sandbox,
  type SandboxOptions,
  type SandboxTransaction,
  type Delivery,
} from "./server"
export {
  createSandboxPki,
  issueCertificate,
  loadOrCreateSandboxPki,
  providerEnv,
  type SandboxPki,
  type IssuedCertificate,
} from "./pki"
export { encodeFileContent, unionpayBillZip, zmFile, zmLine, type ZmEntry } from "./bill-files"
