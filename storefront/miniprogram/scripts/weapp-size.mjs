// Reads a weapp build (dist/weapp): which pages app.json declares, whether each was emitted,
// and the sizes WeChat limits: the main package (everything outside the subpackage roots)
// and each subpackage at 2 MB, the whole app at 20 MB.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"

export const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024
export const SUBPACKAGE_LIMIT = 2 * 1024 * 1024
export const TOTAL_LIMIT = 20 * 1024 * 1024
/**
 * Our own budget for the main package: a quarter of WeChat's 2 MB, so the first screen
 * downloads quickly and the escort and consultation pages (subpackages) have room to come.
 */
export const MAIN_PACKAGE_BUDGET = MAIN_PACKAGE_LIMIT / 4

/** Files WeChat DevTools does not upload: licences, source maps, the project file. */
const NOT_UPLOADED = /(\.LICENSE\.txt|\.map)$|^project(\.private)?\.config\.json$/

function files(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(full, base)
    return NOT_UPLOADED.test(entry.name) ? [] : [path.relative(base, full)]
  })
}

export function measureWeapp(dir) {
  const appJson = JSON.parse(readFileSync(path.join(dir, "app.json"), "utf8"))
  const subpackages = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => ({
    root: sub.root.replace(/\/$/, ""),
    pages: sub.pages.map((page) => `${sub.root.replace(/\/$/, "")}/${page}`),
  }))
  const pages = [...appJson.pages, ...subpackages.flatMap((sub) => sub.pages)]
  const missingPages = pages.filter((page) =>
    [".js", ".json", ".wxml"].some((ext) => !existsSync(path.join(dir, `${page}${ext}`)))
  )
  const sizes = {
    main: 0,
    total: 0,
    subpackages: Object.fromEntries(subpackages.map((s) => [s.root, 0])),
  }
  for (const file of files(dir)) {
    const bytes = statSync(path.join(dir, file)).size
    sizes.total += bytes
    const sub = subpackages.find((s) => file.startsWith(`${s.root}/`))
    if (sub) sizes.subpackages[sub.root] += bytes
    else sizes.main += bytes
  }
  const problems = [
    ...missingPages.map((page) => `页面未生成：${page}`),
    ...(sizes.main > MAIN_PACKAGE_LIMIT
      ? [`主包 ${kb(sizes.main)} 超过 2 MB`]
      : sizes.main > MAIN_PACKAGE_BUDGET
        ? [
            `主包 ${kb(sizes.main)} 超过预算 ${kb(MAIN_PACKAGE_BUDGET)}（2 MB 的 25%）：请把页面移到分包`,
          ]
        : []),
    ...Object.entries(sizes.subpackages)
      .filter(([, bytes]) => bytes > SUBPACKAGE_LIMIT)
      .map(([root, bytes]) => `分包 ${root} ${kb(bytes)} 超过 2 MB`),
    ...(sizes.total > TOTAL_LIMIT ? [`总包 ${kb(sizes.total)} 超过 20 MB`] : []),
  ]
  return {
    pages,
    missingPages,
    sizes,
    problems,
    tabBar: appJson.tabBar?.list?.map((t) => t.pagePath) ?? [],
  }
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
