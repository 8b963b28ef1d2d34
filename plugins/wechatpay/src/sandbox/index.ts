/**
 * The sandbox entry: start a protocol-true WeChat Pay stand-in, its keys and the provider
 * settings that point at it; and WeChat's own signing and encryption, for tests that forge
 * or replay callbacks exactly as WeChat would send them.
 */
export { decryptResource, encryptResource } from "../lib/aead"
export { signLines } from "../lib/signature"
export { loadOrCreateSandboxKeys, providerEnv, type SandboxKeys } from "./keys"
export {
  startSandbox,
  type Order as SandboxOrder,
  type Sandbox,
  type SandboxOptions,
} from "./server"
