import ProductsPage from "@/app/products/page"
import { cachedListingPage } from "@/lib/cached-listing-page"
import { renderEachOnFirstVisit } from "@/lib/first-visit-params"

export { metadata } from "@/app/products/page"

export const generateStaticParams = renderEachOnFirstVisit<{ query: string }>

/** /products with its filters, served from cache: the proxy rewrites here (lib/cached-listings). */
export default cachedListingPage("/products", ProductsPage)
