/** What the Express router keeps for each registered route (and route-specific middleware). */
type Layer = { route?: { path: unknown; methods: Record<string, boolean> } }

export type RunningApp = { _router?: { stack: Layer[] } }

export type RegisteredRoute = { method: string; pattern: string }

/**
 * The test runner starts the Express app in this process but does not hand it out. Called
 * at a spec's top level (before the runner's beforeAll starts the app), this notes the app
 * that calls `listen`, so a test can read the routes the running app really registered.
 */
export function captureRunningExpressApp(): () => RunningApp {
  // The same module instance the runner's bootstrap requires.
  const express = require("express") as { application: { listen: (...args: unknown[]) => unknown } }
  let app: RunningApp | undefined
  const remember = (started: RunningApp) => (app = started)
  const listen = express.application.listen
  express.application.listen = function (this: RunningApp, ...args: unknown[]) {
    remember(this)
    return listen.apply(this, args)
  }
  return () => {
    if (!app) throw new Error("the Express app has not started yet")
    return app
  }
}

/**
 * Every method and pattern registered under `prefix`, core, plugin and app routes alike
 * (Medusa registers them all on this one router). Wildcard patterns are middleware only.
 */
export function registeredRoutes(app: RunningApp, prefix: string): RegisteredRoute[] {
  const seen = new Set<string>()
  for (const layer of app._router?.stack ?? []) {
    const pattern = layer.route?.path
    if (typeof pattern !== "string" || pattern.includes("*")) continue
    if (!pattern.toLowerCase().startsWith(prefix)) continue
    for (const method of Object.keys(layer.route!.methods)) {
      if (method !== "_all") seen.add(`${method.toUpperCase()} ${pattern}`)
    }
  }
  return [...seen].sort().map((key) => {
    const [method, pattern] = key.split(" ")
    return { method, pattern }
  })
}
