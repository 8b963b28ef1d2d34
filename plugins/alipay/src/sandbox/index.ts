/**
 * The sandbox's public surface: start it, make its keys, configure an app against it.
 * Tests (the plugin's own, the contract suite) and `npm start` use only this entry.
 */
export {
  startAlipaySandbox,
  type AlipaySandbox,
  type AlipaySandboxOptions,
  type SandboxDelivery,
  type SandboxNotification,
  type SandboxTrade,
} from "./server"
export {
  alipayCertificateSn,
  createAlipaySandboxKeys,
  loadOrCreateAlipaySandboxKeys,
  providerEnv,
  type AlipaySandboxKeys,
} from "./keys"
export {
  alipayBillZip,
  alipayDetailCsv,
  alipaySummaryCsv,
  type AlipayBillEntry,
} from "./bill-files"
