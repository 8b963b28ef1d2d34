/** The product page with the member's share code, on the site the referral link points to. */
export function productPosterLink(referralLink: string, handle: string, code: string): string {
  const url = new URL(`/products/${encodeURIComponent(handle)}`, new URL(referralLink).origin)
  url.searchParams.set("ref", code)
  return url.toString()
}
