import { MeilisearchSearchProviderService } from "@health/medusa-plugin-search-meilisearch/providers/meilisearch"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { spawnSync } from "child_process"
import { SITE_SEARCH_MODULE } from ".."
import { SearchDocument } from "../models/search-document"
import SiteSearchModuleService from "../service"
import { describeProviderContract } from "../../../../integration-tests/helpers/search-provider-contract"

jest.setTimeout(120_000)

const meiliHost = process.env.MEILI_HOST

/** Jest declares suites synchronously, so reachability is asked of a child process. */
const meiliReachable = (host: string) =>
  spawnSync(
    process.execPath,
    [
      "-e",
      `fetch(${JSON.stringify(host)} + "/health", { signal: AbortSignal.timeout(2000) })` +
        ".then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))",
    ],
    { timeout: 5000 }
  ).status === 0

moduleIntegrationTestRunner<SiteSearchModuleService>({
  moduleName: SITE_SEARCH_MODULE,
  moduleModels: [SearchDocument],
  resolve: "./src/modules/site-search",
  testSuite: ({ service }) => {
    describe("Postgres provider contract", () => {
      describeProviderContract(() => service.postgresProvider(), "contract")
    })
  },
})

const meiliSkipReason = !meiliHost
  ? "MEILI_HOST not set"
  : !meiliReachable(meiliHost)
    ? `MEILI_HOST ${meiliHost} not reachable`
    : null

if (meiliSkipReason) {
  // Loud on purpose: a skipped engine must never read as a passing one.
  console.warn(`Meilisearch contract tests skipped: ${meiliSkipReason}`)
}

const describeMeili = meiliSkipReason ? describe.skip : describe

describeMeili("Meilisearch provider contract", () => {
  let provider: MeilisearchSearchProviderService | undefined
  describeProviderContract(
    () =>
      (provider ??= new MeilisearchSearchProviderService(
        {},
        { host: meiliHost!, apiKey: process.env.MEILI_MASTER_KEY, timeoutMs: 10_000 }
      )),
    `contract_${Date.now()}`
  )
})
