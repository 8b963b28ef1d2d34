import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readCmsDocumentsStep } from "./steps/read-cms-documents-step"
import { readProductDocumentsStep } from "./steps/read-product-documents-step"
import { replaceSearchIndexesStep } from "./steps/replace-search-indexes-step"

/**
 * Rebuilds every index from the sources: all published products, and every published
 * article and active collection site in the CMS. Reads everything before clearing, so
 * an unreachable CMS fails the run and leaves the current index in place.
 */
export const reindexSearchWorkflow = createWorkflow("reindex-search", () => {
  const products = readProductDocumentsStep({})
  const articles = readCmsDocumentsStep({ model: "article" }).config({
    name: "read-cms-article-documents",
  })
  const sites = readCmsDocumentsStep({ model: "collection-site" }).config({
    name: "read-cms-site-documents",
  })
  const indexes = transform({ products, articles, sites }, ({ products, articles, sites }) => [
    { type: "product" as const, documents: products.documents },
    { type: "article" as const, documents: articles },
    { type: "site" as const, documents: sites },
  ])
  replaceSearchIndexesStep(indexes)
  return new WorkflowResponse(
    transform({ products, articles, sites }, ({ products, articles, sites }) => ({
      product: products.documents.length,
      article: articles.length,
      site: sites.length,
    }))
  )
})
