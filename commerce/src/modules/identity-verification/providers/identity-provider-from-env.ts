import type { IdentityProvider } from "./identity-provider"
import { TencentFaceIdProvider } from "./tencent-faceid"

/**
 * IDENTITY_VERIFICATION_PROVIDER=tencent with TENCENTCLOUD_SECRET_ID / _SECRET_KEY (and
 * TENCENTCLOUD_FACEID_ENDPOINT for the local stand-in, TENCENTCLOUD_REGION) turns 实名认证
 * on; unset, there is no provider and nothing is verified (development without the stand-in).
 */
export function identityProviderFromEnv(
  env: NodeJS.ProcessEnv = process.env
): IdentityProvider | null {
  const kind = env.IDENTITY_VERIFICATION_PROVIDER?.trim()
  if (!kind) return null
  if (kind !== "tencent") {
    throw new Error(`IDENTITY_VERIFICATION_PROVIDER must be "tencent" (or unset), not "${kind}"`)
  }
  const secretId = env.TENCENTCLOUD_SECRET_ID?.trim()
  const secretKey = env.TENCENTCLOUD_SECRET_KEY?.trim()
  if (!secretId || !secretKey) {
    throw new Error(
      "IDENTITY_VERIFICATION_PROVIDER=tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY"
    )
  }
  return new TencentFaceIdProvider({
    secretId,
    secretKey,
    endpoint: env.TENCENTCLOUD_FACEID_ENDPOINT?.trim() || "https://faceid.tencentcloudapi.com",
    region: env.TENCENTCLOUD_REGION?.trim() || "ap-guangzhou",
  })
}
