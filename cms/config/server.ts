import { secretFromEnv } from "../src/secret-from-env"

export default ({ env }) => ({
  host: env("HOST", "0.0.0.0"),
  port: env.int("PORT", 1337),
  app: {
    keys: secretFromEnv("APP_KEYS").split(","),
  },
  cron: { enabled: env.bool("CRON_ENABLED", false) },
})
