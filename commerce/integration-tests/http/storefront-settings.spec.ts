import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { revokeApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { randomUUID } from "crypto"
import seed from "../../src/scripts/seed"

jest.setTimeout(180_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

const noThrow = { validateStatus: () => true }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    it("hands out the default channel's publishable key without a sign-in, and it opens the store API", async () => {
      const container = getContainer()
      const before = process.env.SEED_DEMO
      delete process.env.SEED_DEMO
      try {
        await seed({ container, args: [] } as never)
      } finally {
        if (before !== undefined) process.env.SEED_DEMO = before
      }
      const [seeded] = (
        await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      ).filter((key) => !key.revoked_at)

      const response = await api.get("/public/storefront-settings")
      expect(response.status).toBe(200)
      expect(response.headers["cache-control"]).toBe("public, max-age=60")
      expect(response.data.storefront_settings.publishable_key).toBe(seeded.token)

      const regions = await api.get("/store/regions", {
        headers: { "x-publishable-api-key": response.data.storefront_settings.publishable_key },
      })
      expect(regions.data.regions.map((r: { name: string }) => r.name)).toEqual(["中国"])

      // A revoked key is never handed out; the next seed makes a fresh one.
      await revokeApiKeysWorkflow(container).run({
        input: { selector: { id: seeded.id }, revoke: { revoked_by: "test" } },
      })
      const refused = await api.get("/public/storefront-settings", noThrow)
      expect(refused.status).toBe(404)
      expect(refused.data.message).toContain("公开密钥")
      await seed({ container, args: [] } as never)
      const renewed = await api.get("/public/storefront-settings")
      expect(renewed.data.storefront_settings.publishable_key).not.toBe(seeded.token)
    })
  },
})
