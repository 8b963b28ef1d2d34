// `node scripts/prod/build-all.mjs [--reuse] [--root <repo>]`: what the four images contain,
// built outside Docker: a clean copy of the repository (clean-copy.mjs) at .data/prod-build
// (PROD_BUILD_DIR overrides), then the commerce, cms, web and H5 builds in it, each timed.
// `--reuse` updates an existing copy in place and skips each build whose output exists and
// whose sources (file contents, package-lock.json included) are those it was built from.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { buildCms, cmsBuildOutput } from "./build-cms.mjs"
import { buildCommerce, commerceBuildOutput } from "./build-commerce.mjs"
import { buildContracts } from "./build-contracts.mjs"
import { buildH5, h5BuildOutput } from "./build-h5.mjs"
import { buildWeb, webBuildOutput } from "./build-web.mjs"
import { cleanCopy, defaultCopyDirectory } from "./clean-copy.mjs"
import { isEntryPoint, parseArguments, runAsCommand, timed } from "./lib/command-line.mjs"
import { fingerprintFiles } from "./lib/source-files.mjs"

const CONTRACTS = "commerce/contracts"
const LOCK = "package-lock.json"

/** Each build, the sources it reads and the file that proves it finished. */
export const PRODUCTION_BUILDS = [
  {
    name: "commerce",
    sources: ["commerce", "plugins", LOCK],
    output: commerceBuildOutput,
    build: (root, { pluginBuildsFrom }) => buildCommerce(root, { pluginBuildsFrom }),
  },
  {
    name: "cms",
    sources: ["cms", CONTRACTS, LOCK],
    output: cmsBuildOutput,
    build: (root) => buildCms(root),
  },
  {
    name: "web",
    sources: ["storefront/web", "storefront/core", CONTRACTS, LOCK],
    output: webBuildOutput,
    build: (root) => buildWeb(root, { contracts: false }),
  },
  {
    name: "h5",
    sources: ["storefront/miniprogram", "storefront/core", CONTRACTS, LOCK],
    output: h5BuildOutput,
    build: (root) => buildH5(root, { contracts: false }),
  },
]

const stampFile = (copy, name) => path.join(copy, ".prod-copy", "builds", `${name}.txt`)

/** Copies the repository and builds every image's contents; returns the copy's path. */
/**
 * `pluginBuildsFrom`: a checkout whose plugin builds are current for the sources copied
 * (the dev and test stacks pass their own, just built); the images build them.
 */
export async function buildAll({
  source,
  target = defaultCopyDirectory(source),
  reuse = false,
  pluginBuildsFrom,
} = {}) {
  const started = Date.now()
  const { files } = await cleanCopy({ source, target, sync: reuse })
  const pending = PRODUCTION_BUILDS.map((build) => ({
    ...build,
    fingerprint: fingerprintFiles(target, files, build.sources),
  })).filter((build) => {
    const stamp = stampFile(target, build.name)
    const current =
      reuse &&
      existsSync(build.output(target)) &&
      existsSync(stamp) &&
      readFileSync(stamp, "utf8") === build.fingerprint
    if (current) console.log(`✔ ${build.name}: sources unchanged, build reused`)
    return !current
  })

  if (pending.length > 0) {
    // Commerce builds the contracts itself; the other builds share one contracts build.
    if (!pending.some((build) => build.name === "commerce")) await buildContracts(target)
    // Every build runs even when one fails, so one run reports every broken image.
    const failed = []
    for (const build of pending) {
      const stamp = stampFile(target, build.name)
      rmSync(stamp, { force: true })
      try {
        await timed(`build ${build.name}`, () => build.build(target, { pluginBuildsFrom }))
        mkdirSync(path.dirname(stamp), { recursive: true })
        writeFileSync(stamp, build.fingerprint)
      } catch (error) {
        console.error(`✖ build ${build.name}: ${error.message}`)
        failed.push(build.name)
      }
    }
    if (failed.length) throw new Error(`production build failed: ${failed.join(", ")}`)
  }
  console.log(`✔ production build at ${target}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return target
}

if (isEntryPoint(import.meta.url)) {
  const { root, flags } = parseArguments()
  runAsCommand(async () => {
    await buildAll({ source: root, reuse: flags.has("--reuse") })
  })
}
