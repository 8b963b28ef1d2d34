import { secretFromEnv } from "../src/secret-from-env"

export default ({ env }) => ({
  auth: { secret: secretFromEnv("ADMIN_JWT_SECRET") },
  apiToken: { salt: secretFromEnv("API_TOKEN_SALT") },
  transfer: { token: { salt: secretFromEnv("TRANSFER_TOKEN_SALT") } },
  secrets: { encryptionKey: secretFromEnv("ENCRYPTION_KEY") },
  flags: { nps: false, promoteEE: false },
  // Tests and headless deployments need no admin panel.
  serveAdminPanel: env.bool("CMS_SERVE_ADMIN", true),
})
