import path from "node:path"
import type { IProjectConfig } from "@tarojs/taro/types/compile"
import { buildEnv } from "./build-env"

// storefront/core is TypeScript source linked into node_modules: compile it like our own code.
const coreSource = path.resolve(__dirname, "..", "..", "core", "src")

// Hoisted Taro packages (taro-h5, runtime) import ones npm kept in this workspace (see
// scripts/taro-build.mjs): let webpack look here after the usual node_modules chain.
const localModules = path.resolve(__dirname, "..", "node_modules")
type Chain = {
  plugin(name: string): { use(plugin: unknown, args: unknown[]): unknown }
  resolve: {
    modules: { add(dir: string): unknown }
    alias: { set(name: string, target: string): unknown }
  }
}
const resolveLocalModules = (chain: Chain) => {
  chain.resolve.modules.add("node_modules")
  chain.resolve.modules.add(localModules)
}

const nestedRouter = path.dirname(
  require.resolve("@tarojs/router/package.json", {
    paths: [path.dirname(require.resolve("@tarojs/taro-h5/package.json"))],
  })
)

type Merge = (...configs: object[]) => IProjectConfig<"webpack5">

// Taro's defineConfig is only an identity function; its types live in a package npm did not
// hoist next to @tarojs/cli, so the config function is typed here directly.
export default async function config(merge: Merge): Promise<IProjectConfig<"webpack5">> {
  const base: IProjectConfig<"webpack5"> = {
    projectName: "health-miniprogram",
    date: "2026-12-1",
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: "src",
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // Only the two platforms we ship: the generator's other platform plugins were never
    // published at 4.2.1.
    plugins: [],
    env: buildEnv(),
    framework: "react",
    // Prebundling is a dev-server speed-up; its own webpack cannot find Taro's loaders in a
    // workspace where they are not hoisted.
    compiler: { type: "webpack5", prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [coreSource] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Keeps the main package small: vendor code used by one subpackage stays in it.
      optimizeMainPackage: { enable: true },
      webpackChain(chain: Chain, webpack: { ProvidePlugin: unknown }) {
        resolveLocalModules(chain)
        chain.plugin("provideAbortSignal").use(webpack.ProvidePlugin, [
          {
            AbortSignal: [
              path.resolve(__dirname, "..", "src", "lib", "abort-signal.ts"),
              "MiniAbortSignal",
            ],
          },
        ])
      },
    },
    h5: {
      publicPath: "/",
      staticDirectory: "static",
      compile: { include: [coreSource] },
      router: { mode: "hash" },
      webpackChain(chain: Chain) {
        resolveLocalModules(chain)
        // The H5 entry imports the router that npm nested under taro-h5.
        chain.resolve.alias.set("@tarojs/router", nestedRouter)
      },
      output: {
        filename: "js/[name].[hash:8].js",
        chunkFilename: "js/[name].[chunkhash:8].js",
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: "css/[name].[hash].css",
        chunkFilename: "css/[name].[chunkhash].css",
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  if (process.env.NODE_ENV === "development") return merge({}, base, { mini: {}, h5: {} })
  return merge({}, base, {
    mini: {},
    h5: {
      // terser's default `quote_keys: true` breaks private class fields in dependencies,
      // which leaves a blank page.
      terser: { enable: true, config: { output: { quote_keys: false } } },
    },
  })
}
