import { routes } from "./navigate"

/**
 * The mini-program page for a link an editor wrote for the web site (`/articles/…`,
 * `/products/…`), or null when it has none here (an outside address: offered to copy).
 */
export function webLinkRoute(href: string): string | null {
  const path = href.replace(/^https?:\/\/[^/]+/i, "").split(/[?#]/)[0]
  const article = /^\/articles\/([^/]+)\/?$/.exec(path)
  if (article) return routes.article(decodeURIComponent(article[1]))
  const product = /^\/products\/([^/]+)\/?$/.exec(path)
  if (product) return routes.product(decodeURIComponent(product[1]))
  const tag = /^\/tags\/([^/]+)\/?$/.exec(path)
  if (tag) return routes.tag(decodeURIComponent(tag[1]))
  const landing = /^\/landing\/([^/]+)\/?$/.exec(path)
  if (landing) return routes.landing(decodeURIComponent(landing[1]))
  const legal = /^\/pages\/([^/]+)\/?$/.exec(path)
  if (legal) return routes.legalPage(decodeURIComponent(legal[1]))
  if (/^\/articles\/?$/.test(path)) return routes.articles
  if (/^\/constitution\/history\/?$/.test(path)) return routes.constitutionHistory
  if (/^\/privacy\/?$/.test(path)) return routes.privacy
  if (/^\/constitution\/?$/.test(path)) return routes.constitutionTest
  if (/^\/sites\/?$/.test(path)) return routes.sites
  if (/^\/account\/appointments(\/book)?\/?$/.test(path)) return routes.appointments
  if (/^\/products\/?$/.test(path)) return routes.products()
  return null
}
