/**
 * A page's `generateStaticParams` when none of its pages is rendered at build (the back ends
 * are not up then): each is rendered on its first visit, then served from cache until the data
 * it read changes (its fetches' tags, revalidated by commerce and the CMS).
 */
export function renderEachOnFirstVisit<Params>(): Params[] {
  return []
}
