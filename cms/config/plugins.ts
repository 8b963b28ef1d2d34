import { secretFromEnv } from "../src/secret-from-env"

export default () => ({
  "users-permissions": {
    config: { jwtSecret: secretFromEnv("JWT_SECRET") },
  },
})
