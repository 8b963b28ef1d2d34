export default ({ env }) => ({
  auth: { secret: env("ADMIN_JWT_SECRET", "dev-admin-jwt-secret-change-me") },
  apiToken: { salt: env("API_TOKEN_SALT", "dev-api-token-salt-change-me") },
  transfer: { token: { salt: env("TRANSFER_TOKEN_SALT", "dev-transfer-token-salt-change-me") } },
  secrets: { encryptionKey: env("ENCRYPTION_KEY", "dev-encryption-key-change-me-0123") },
  flags: { nps: false, promoteEE: false },
  // Tests and headless deployments need no admin panel.
  serveAdminPanel: env.bool("CMS_SERVE_ADMIN", true),
})
