import { MedusaService } from "@medusajs/framework/utils"
import { OfflineReceipt } from "./models/offline-receipt"
import { ReconciliationDifference } from "./models/reconciliation-difference"
import { ReconciliationRun } from "./models/reconciliation-run"

/** Reconciliation runs, their differences and offline receipts' bank references: its own data only. */
class ReconciliationModuleService extends MedusaService({
  ReconciliationRun,
  ReconciliationDifference,
  OfflineReceipt,
}) {}

export default ReconciliationModuleService
