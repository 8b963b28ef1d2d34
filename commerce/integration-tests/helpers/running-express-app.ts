import type { RouterOwner } from "../../src/lib/access/matched-routes"

/** Every route file's method and pattern, as the role gate reads them from the router. */
export { registeredRoutes, type RegisteredRoute } from "../../src/lib/access/matched-routes"

export type RunningApp = RouterOwner

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
