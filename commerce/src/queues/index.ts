import type { QueueProcessor } from "../lib/queue/queue-processor"
import { appointmentsQueue } from "./appointments-queue"
import { cmsQueue } from "./cms-queue"
import { consultationQueue } from "./consultation-queue"
import { doctorIncomeQueue } from "./doctor-income-queue"
import { escortAdmissionQueue } from "./escort-admission-queue"
import { escortDispatchQueue } from "./escort-dispatch-queue"
import { escortIncomeQueue } from "./escort-income-queue"
import { escortReviewQueue } from "./escort-review-queue"
import { financeQueue } from "./finance-queue"
import { healthArchiveQueue } from "./health-archive-queue"
import { paymentsQueue } from "./payments-queue"
import { retentionQueue } from "./retention-queue"
import { searchQueue } from "./search-queue"
import { storefrontQueue } from "./storefront-queue"

/**
 * Every queue that commerce's worker processes run. The queue module loads this file at
 * start (its `processors` option in medusa-config.ts); nothing else imports it.
 */
export const queueProcessors: QueueProcessor[] = [
  storefrontQueue,
  paymentsQueue,
  healthArchiveQueue,
  appointmentsQueue,
  searchQueue,
  cmsQueue,
  escortDispatchQueue,
  financeQueue,
  escortIncomeQueue,
  escortReviewQueue,
  escortAdmissionQueue,
  consultationQueue,
  doctorIncomeQueue,
  retentionQueue,
]
