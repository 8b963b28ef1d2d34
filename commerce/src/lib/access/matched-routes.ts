/**
 * Which registered route patterns a request will reach, asked of Express's own router.
 *
 * Express matches routes case-insensitively, tolerates a trailing slash and compares the
 * raw (still percent-encoded) path; a permission decided by matching the URL's spelling
 * with our own patterns could disagree with it. Asking the router's layers the same
 * question it asks itself cannot: whatever spelling reaches a handler matched that
 * handler's pattern here too.
 */

type Layer = {
  route?: {
    path: unknown
    methods: Record<string, boolean>
    stack: { name: string }[]
    _handles_method(m: string): boolean
  }
  match(path: string): boolean
}

export type RouterOwner = { _router?: { stack: Layer[] } }

export type RegisteredRoute = { method: string; pattern: string }

/** Patterns with wildcards or regular expressions are middleware, never a route file. */
const isRoutePattern = (path: unknown): path is string =>
  typeof path === "string" && !path.includes("*")

function routeLayers(app: RouterOwner) {
  return (app._router?.stack ?? []).filter(
    (layer) => layer.route && isRoutePattern(layer.route.path)
  )
}

/**
 * Medusa registers a route file's `GET`/`POST`/… export under that name, and route-specific
 * middleware (validators, guards) as routes of their own matcher: the handler's name tells
 * which layer is the route file. HEAD runs the GET handler.
 */
const isRouteFileHandler = (layer: Layer, method: string) => {
  const name = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase()
  return layer.route!.stack.some((handler) => handler.name === name)
}

/**
 * The pattern(s) of the route that will answer `method rawPath` (raw path: no query, still
 * percent-encoded). Express runs the first matching route file handler, so that one alone
 * is returned; when no matching layer can be told to be a route file, every matching
 * pattern is returned and callers must accept only what all of them allow.
 */
export function matchedRoutePatterns(app: RouterOwner, method: string, rawPath: string): string[] {
  const patterns = new Set<string>()
  for (const layer of routeLayers(app)) {
    if (!layer.route!._handles_method(method) || !layer.match(rawPath)) continue
    if (isRouteFileHandler(layer, method)) return [layer.route!.path as string]
    patterns.add(layer.route!.path as string)
  }
  return [...patterns]
}

/** Every route under `prefix` with its methods: what the role × route matrix walks. */
export function registeredRoutes(app: RouterOwner, prefix: string): RegisteredRoute[] {
  const seen = new Set<string>()
  const routes: RegisteredRoute[] = []
  for (const layer of routeLayers(app)) {
    const pattern = layer.route!.path as string
    if (!pattern.toLowerCase().startsWith(prefix)) continue
    for (const method of Object.keys(layer.route!.methods)) {
      if (method === "_all" || !isRouteFileHandler(layer, method)) continue
      const key = `${method.toUpperCase()} ${pattern}`
      if (seen.has(key)) continue
      seen.add(key)
      routes.push({ method: method.toUpperCase(), pattern })
    }
  }
  return routes.sort(
    (a, b) => a.pattern.localeCompare(b.pattern) || a.method.localeCompare(b.method)
  )
}
