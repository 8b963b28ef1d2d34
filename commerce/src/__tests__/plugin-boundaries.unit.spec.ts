import { readdirSync, readFileSync, statSync } from "fs"
import path from "path"

/**
 * Commerce reaches a plugin only through what the plugin's package.json `exports` declares
 * (issue #19): a deep import of a plugin's internals fails here, naming the file and path.
 */
const COMMERCE = path.resolve(__dirname, "../..")
const PLUGINS = path.resolve(COMMERCE, "../plugins")
const SCANNED = ["src", "integration-tests", "medusa-config.ts"]
const SOURCE = /\.(m?[jt]sx?|cjs)$/
/** Every way a module is named: import/export … from, import(), require(), jest.mock(), resolve:. */
const SPECIFIER =
  /(from\s+|import\s*\(\s*|require\s*\(\s*|import\s+|mock\(\s*|resolve:\s*)["'`](@health\/medusa-plugin-[a-z0-9-]+)(\/[^"'`\s]*)?["'`]/g

function sourceFiles(entry: string): string[] {
  const full = path.join(COMMERCE, entry)
  if (statSync(full).isFile()) return SOURCE.test(full) ? [full] : []
  return readdirSync(full).flatMap((name) =>
    name === "node_modules" || name.startsWith(".") ? [] : sourceFiles(path.join(entry, name))
  )
}

function declaredExports(pkg: string): string[] {
  const manifest = JSON.parse(
    readFileSync(require.resolve(`${pkg}/package.json`, { paths: [COMMERCE] }), "utf8")
  ) as { exports?: Record<string, unknown> }
  return Object.keys(manifest.exports ?? { ".": "" })
}

/** Node's subpath patterns: "./x" exactly, or "./a/*" with one wildcard. */
function declares(patterns: string[], subpath: string): boolean {
  return patterns.some((pattern) => {
    const star = pattern.indexOf("*")
    if (star < 0) return pattern === subpath
    const [head, tail] = [pattern.slice(0, star), pattern.slice(star + 1)]
    return (
      subpath.length > head.length + tail.length &&
      subpath.startsWith(head) &&
      subpath.endsWith(tail)
    )
  })
}

export function undeclaredPluginImports(files: string[]) {
  const found: { file: string; specifier: string }[] = []
  for (const file of files) {
    const text = readFileSync(file, "utf8")
    for (const match of text.matchAll(SPECIFIER)) {
      const [, how, pkg, rest] = match
      const subpath = rest ? `.${rest}` : "."
      // Medusa registers a plugin by its bare name through its package.json, not by an import.
      const registration = !rest && how.startsWith("resolve")
      if (!registration && !declares(declaredExports(pkg), subpath))
        found.push({ file: path.relative(COMMERCE, file), specifier: `${pkg}${rest ?? ""}` })
    }
  }
  return found
}

describe("plugin boundaries", () => {
  const files = SCANNED.flatMap(sourceFiles)

  it("scans commerce's sources, tests and config", () => {
    expect(files.length).toBeGreaterThan(100)
    expect(files).toContain(path.join(COMMERCE, "medusa-config.ts"))
  })

  it("imports no plugin path that the plugin's package.json does not export", () => {
    expect(undeclaredPluginImports(files)).toEqual([])
  })

  it("catches a deep import of a plugin's internals", () => {
    const sample = path.join(__dirname, "fixtures", "deep-plugin-import.ts.txt")
    expect(undeclaredPluginImports([sample])).toEqual([
      {
        file: path.relative(COMMERCE, sample),
        specifier: "@health/medusa-plugin-wechatpay/lib/client",
      },
    ])
  })

  it("WeChat Pay exports its public surface only: no lib/* and no catch-all", () => {
    const patterns = declaredExports("@health/medusa-plugin-wechatpay")
    expect(patterns).toEqual(
      expect.arrayContaining([".", "./workflows", "./sandbox", "./providers/*"])
    )
    expect(patterns.filter((p) => p === "./*" || p.startsWith("./lib"))).toEqual([])
  })

  /** Every plugin of the repository, by package name. */
  const plugins = readdirSync(PLUGINS)
    .filter((name) => statSync(path.join(PLUGINS, name, "package.json"), { throwIfNoEntry: false }))
    .map((name) => {
      const manifest = JSON.parse(readFileSync(path.join(PLUGINS, name, "package.json"), "utf8"))
      return manifest.name as string
    })

  it("finds every plugin of the repository", () => {
    expect(plugins).toEqual(
      expect.arrayContaining([
        "@health/medusa-plugin-affiliate",
        "@health/medusa-plugin-alipay",
        "@health/medusa-plugin-search-meilisearch",
        "@health/medusa-plugin-unionpay",
        "@health/medusa-plugin-wechatpay",
      ])
    )
  })

  it.each(plugins.map((name) => [name]))(
    "%s exports named entry points only: no catch-all, no lib/, api/ or jobs/ internals",
    (name) => {
      const internal = declaredExports(name).filter(
        (pattern) =>
          pattern === "./*" || /^\.\/(lib|api|jobs|subscribers|links)(\/|$)/.test(pattern)
      )
      expect(internal).toEqual([])
    }
  )

  it.each([["@health/medusa-plugin-alipay"], ["@health/medusa-plugin-unionpay"]])(
    "%s exports its id constant and follow-up workflows like WeChat Pay",
    (name) => {
      expect(declaredExports(name)).toEqual(
        expect.arrayContaining([".", "./workflows", "./sandbox", "./providers/*"])
      )
    }
  )
})
