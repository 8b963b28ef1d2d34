import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CMS_SEARCH_MODELS, cmsDocument } from "../../../modules/site-search/documents/cms-document"
import type { SiteSearchDocument } from "../../../modules/site-search/indexes"
import { readCmsCollection } from "../read-cms-collection"

/** Every published entry of a searchable CMS model as documents, page by page. */
export const readCmsDocumentsStep = createStep(
  "read-cms-search-documents",
  async ({ model }: { model: string }) => {
    const target = CMS_SEARCH_MODELS[model]
    const documents: SiteSearchDocument[] = []
    for (let page = 1; ; page++) {
      const body = await readCmsCollection(
        `/${target.collection}?populate=*&sort=id:asc&pagination[page]=${page}&pagination[pageSize]=100`
      )
      const entries = body?.data ?? []
      for (const entry of entries) {
        const document = cmsDocument(model, entry)
        if (document) documents.push(document)
      }
      const pageCount = body?.meta?.pagination?.pageCount ?? 1
      if (page >= pageCount || !entries.length) break
    }
    return new StepResponse(documents)
  }
)
