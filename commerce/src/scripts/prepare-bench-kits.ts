import { writeFileSync } from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { generateKitBarcode } from "../lib/kits/kit-barcode"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"

/**
 * For bench/report-ingest.mjs: N kits of a made-up bench member, walked to 样本已接收
 * so lab reports can match them; their barcodes are written to `out` as JSON.
 *   npx medusa exec ./src/scripts/prepare-bench-kits.ts 500 /tmp/bench-kits.json
 */
export default async function prepareBenchKits({ container, args }: ExecArgs) {
  const count = Number(args[0] ?? 500)
  const out = args[1] ?? "bench-kits.json"
  if (!Number.isInteger(count) || count < 1) throw new Error("用法：<数量> <输出文件>")
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const run = Date.now().toString(36)
  const kits = await archive.createKitsForOrder({
    customer_id: "cus_bench",
    order_id: `order_bench_${run}`,
    collection_method: "mail_in",
    lines: [{ line_item_id: `item_bench_${run}`, product_title: "基准测试检测", units: count }],
  })
  const barcodes: string[] = []
  for (const kit of kits) {
    const barcode = generateKitBarcode()
    await archive.transitionKit(kit.id, "ship", { actor_type: "system", patch: { barcode } })
    await archive.transitionKit(kit.id, "activate", { actor_type: "system" })
    await archive.transitionKit(kit.id, "receive", { actor_type: "system" })
    barcodes.push(barcode)
  }
  writeFileSync(out, JSON.stringify(barcodes))
  console.log(`${barcodes.length} 个检测盒已就绪（样本已接收），条码写入 ${out}`)
}
