import { secretFromEnv } from "../src/secret-from-env"
import { uploadProviderFromEnv } from "../src/storage/object-storage"

export default () => {
  // Media go to object storage when S3_BUCKET is set (src/storage/object-storage.ts).
  const uploadProvider = uploadProviderFromEnv()
  return {
    "users-permissions": {
      config: { jwtSecret: secretFromEnv("JWT_SECRET") },
    },
    ...(uploadProvider ? { upload: { config: uploadProvider } } : {}),
  }
}
