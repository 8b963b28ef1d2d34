import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ProductsJob } from "../../lib/queue/jobs"
import { readProductDocumentsStep } from "./steps/read-product-documents-step"
import { updateSearchDocumentsStep } from "./steps/update-search-documents-step"

/**
 * Brings the given products' search documents in step with the products as they are now:
 * published ones are written, drafts and deleted ones removed. Run by the search queue.
 */
export const indexProductsWorkflow = createWorkflow("index-products", (input: ProductsJob) => {
  const products = readProductDocumentsStep(input)
  const counts = updateSearchDocumentsStep(
    transform({ products }, ({ products }) => ({
      type: "product" as const,
      documents: products.documents,
      removed: products.removed,
    }))
  )
  return new WorkflowResponse(counts)
})
