export default ({ env }) => ({
  connection: {
    client: "postgres",
    connection: {
      connectionString: env("CMS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/health_cms"),
    },
    pool: { min: 0, max: env.int("CMS_DATABASE_POOL_MAX", 5) },
    acquireConnectionTimeout: 60000,
  },
})
