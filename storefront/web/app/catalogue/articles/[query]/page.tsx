import ArticlesPage from "@/app/articles/page"
import { cachedListingPage } from "@/lib/cached-listing-page"
import { renderEachOnFirstVisit } from "@/lib/first-visit-params"

export { metadata } from "@/app/articles/page"

export const generateStaticParams = renderEachOnFirstVisit<{ query: string }>

/** /articles with its filters, served from cache: the proxy rewrites here (lib/cached-listings). */
export default cachedListingPage("/articles", ArticlesPage)
