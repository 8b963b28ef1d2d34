/** Key prefix of Strapi's media in the shared bucket; commerce keeps its files under `commerce/`. */
export const CMS_KEY_PREFIX = "cms"

type Env = NodeJS.ProcessEnv

const value = (env: Env, name: string) => env[name]?.trim() || undefined

/** Where browsers load media from when they live in object storage (S3_FILE_URL's default as commerce). */
export function mediaBaseUrl(env: Env = process.env): string | undefined {
  const bucket = value(env, "S3_BUCKET")
  if (!bucket) return undefined
  const endpoint = value(env, "S3_ENDPOINT")?.replace(/\/+$/, "")
  const region = value(env, "S3_REGION") ?? "us-east-1"
  const url =
    value(env, "S3_FILE_URL") ??
    (endpoint ? `${endpoint}/${bucket}` : `https://${bucket}.s3.${region}.amazonaws.com`)
  return url.replace(/\/+$/, "")
}

/** The origin of media URLs, for the admin's Content-Security-Policy; none with local files. */
export function mediaOrigin(env: Env = process.env): string | undefined {
  const base = mediaBaseUrl(env)
  return base ? new URL(base).origin : undefined
}

/**
 * The upload plugin's provider: the S3 provider under `cms/` when S3_BUCKET is set (MinIO,
 * Aliyun OSS, Tencent COS, AWS S3), Strapi's local `public/uploads` otherwise.
 */
export function uploadProviderFromEnv(env: Env = process.env) {
  const bucket = value(env, "S3_BUCKET")
  if (!bucket) return undefined
  const missing = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) => !value(env, name))
  if (missing.length) {
    throw new Error(
      `S3_BUCKET is set but ${missing.join(", ")} is empty: object storage needs both keys`
    )
  }
  const acl = value(env, "S3_ACL")?.toLowerCase()
  if (acl && acl !== "off") {
    throw new Error(`S3_ACL is "${env.S3_ACL}": leave it empty (per-file ACLs) or set "off"`)
  }
  return {
    provider: "aws-s3",
    providerOptions: {
      baseUrl: mediaBaseUrl(env),
      rootPath: CMS_KEY_PREFIX,
      s3Options: {
        credentials: {
          accessKeyId: value(env, "S3_ACCESS_KEY_ID"),
          secretAccessKey: value(env, "S3_SECRET_ACCESS_KEY"),
        },
        endpoint: value(env, "S3_ENDPOINT"),
        region: value(env, "S3_REGION") ?? "us-east-1",
        forcePathStyle: value(env, "S3_FORCE_PATH_STYLE") === "true",
        // Media are public: public-read unless the bucket refuses ACL headers ("off"), when a
        // bucket policy on cms/* grants the reads instead (docs/storage.md).
        params: { Bucket: bucket, ACL: acl === "off" ? undefined : "public-read" },
        // The SDK's default CRC32 checksums and aws-chunked uploads are refused by several
        // S3-compatible stores; send them only where S3 requires them.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      },
    },
  }
}
