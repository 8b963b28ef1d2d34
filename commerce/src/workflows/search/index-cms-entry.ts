import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { CmsEntryJob } from "../../lib/queue/jobs"
import { readCmsEntryStep } from "./steps/read-cms-entry-step"
import { updateSearchDocumentsStep } from "./steps/update-search-documents-step"

/**
 * Indexes a CMS entry as it is now (published) or removes it (unpublished, inactive,
 * deleted); entries of models search does not cover are skipped. A CMS read failure
 * fails the run, so the search queue's job is retried.
 */
export const indexCmsEntryWorkflow = createWorkflow("index-cms-entry", (input: CmsEntryJob) => {
  const entry = readCmsEntryStep(input)
  when({ entry }, ({ entry }) => entry.type !== null).then(() => {
    updateSearchDocumentsStep(
      transform({ input, entry }, ({ input, entry }) => ({
        type: entry.type!,
        documents: entry.document ? [entry.document] : [],
        removed: entry.document ? [] : [input.document_id],
      }))
    )
  })
  return new WorkflowResponse(
    transform({ input, entry }, ({ input, entry }) =>
      !entry.type
        ? { skipped: `${input.model} is not searchable` }
        : entry.document
          ? { indexed: input.document_id }
          : { removed: input.document_id }
    )
  )
})
