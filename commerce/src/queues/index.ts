import { appointmentsQueue } from "./appointments-queue"
import { cmsQueue } from "./cms-queue"
import { healthArchiveQueue } from "./health-archive-queue"
import { inboxQueue } from "./inbox-queue"
import { paymentsQueue } from "./payments-queue"
import type { QueueProcessor } from "./queue-processor"
import { searchQueue } from "./search-queue"
import { storefrontQueue } from "./storefront-queue"

/** Every queue that commerce's worker processes run. */
export const queueProcessors: QueueProcessor[] = [
  inboxQueue,
  storefrontQueue,
  paymentsQueue,
  healthArchiveQueue,
  appointmentsQueue,
  searchQueue,
  cmsQueue,
]
