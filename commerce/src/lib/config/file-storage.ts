/** Key prefix of everything commerce stores; Strapi's media live beside it under `cms/`. */
export const COMMERCE_KEY_PREFIX = "commerce/"

type Env = Record<string, string | undefined>

export type FileProviderConfig = {
  resolve: string
  id: string
  options: Record<string, unknown>
}

const value = (env: Env, name: string) => env[name]?.trim() || undefined

/**
 * The file module's one provider: S3-compatible object storage (MinIO, Aliyun OSS, Tencent
 * COS, AWS S3) when S3_BUCKET is set, so every server and worker sees the same files; the
 * local disk otherwise, for development.
 */
export function fileStorageFromEnv(env: Env, backendUrl: string): FileProviderConfig {
  const bucket = value(env, "S3_BUCKET")
  if (!bucket) {
    return {
      resolve: "@medusajs/medusa/file-local",
      id: "local",
      options: {
        upload_dir: "static",
        backend_url: `${backendUrl}/static`,
        // Private files (encrypted health files) live outside the served static folder.
        private_upload_dir: env.PRIVATE_UPLOAD_DIR || "private-uploads",
      },
    }
  }

  const missing = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) => !value(env, name))
  if (missing.length) {
    throw new Error(
      `S3_BUCKET is set but ${missing.join(", ")} is empty: object storage needs both keys`
    )
  }
  const region = value(env, "S3_REGION") ?? "us-east-1"
  const endpoint = value(env, "S3_ENDPOINT")?.replace(/\/+$/, "")
  const fileUrl =
    value(env, "S3_FILE_URL") ??
    (endpoint ? `${endpoint}/${bucket}` : `https://${bucket}.s3.${region}.amazonaws.com`)
  const aclSetting = value(env, "S3_ACL")?.toLowerCase()
  if (aclSetting && aclSetting !== "off") {
    throw new Error(`S3_ACL is "${env.S3_ACL}": leave it empty (per-file ACLs) or set "off"`)
  }
  return {
    resolve: "./src/modules/file-object-storage",
    id: "s3",
    options: {
      bucket,
      region,
      endpoint,
      file_url: fileUrl.replace(/\/+$/, ""),
      access_key_id: value(env, "S3_ACCESS_KEY_ID"),
      secret_access_key: value(env, "S3_SECRET_ACCESS_KEY"),
      prefix: COMMERCE_KEY_PREFIX,
      // "off" for buckets that refuse ACL headers (AWS "bucket owner enforced"): public reads
      // then come from a bucket policy on commerce/public/* (docs/storage.md).
      ...(aclSetting === "off" ? { acl: false } : {}),
      additional_client_config: {
        forcePathStyle: value(env, "S3_FORCE_PATH_STYLE") === "true",
        // The SDK's default CRC32 checksums and aws-chunked uploads are refused by several
        // S3-compatible stores; send them only where S3 requires them.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      },
    },
  }
}
