"use client"

import { TEST_METHOD_LABELS, type CollectionSite, type TestMethod } from "@health/core"
import type { CollectionAvailabilityState } from "@health/core/appointments/collection-availability"
import { lineFields } from "@/lib/collection-appointment"
import { CollectionAppointmentPicker } from "./collection-appointment-picker"

export type CheckoutLine = { id: string; title: string; quantity: number }

/**
 * 采样方式 for each gene-test line: 寄送采样盒 (a kit by post) or 采集点现场采集 with a site and
 * slot picked for that line. The parent keeps the methods, so it can ask for an address
 * only when some line is mailed.
 */
export function LineTestMethods({
  lines,
  methods,
  onChange,
  collection,
  loadAvailability,
  defaults,
}: {
  lines: CheckoutLine[]
  methods: Record<string, TestMethod>
  onChange: (lineId: string, method: TestMethod) => void
  /** The CMS's collection sites (null when unreadable); on-site is for members only. */
  collection: { sites: CollectionSite[] | null; signedIn: boolean }
  loadAvailability: (siteId: string, from?: string) => Promise<CollectionAvailabilityState>
  /** What a refused submit sent, so each line's pick comes back. */
  defaults: (name: string) => string
}) {
  return (
    <div className="line-test-methods" data-testid="line-test-methods">
      <h2>采样方式</h2>
      <p className="hint">每项检测可分别选择寄送采样盒，或到采集点现场采集。</p>
      {lines.map((line) => {
        const fields = lineFields(line.id)
        const method = methods[line.id] ?? "mail_in"
        return (
          <fieldset
            key={line.id}
            className="radio-column"
            data-testid="line-test-method"
            aria-label={`${line.title} 的采样方式`}
          >
            <legend>
              {line.title} <span className="muted">× {line.quantity}</span>
            </legend>
            {(["mail_in", "on_site"] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={fields.method}
                  value={value}
                  checked={method === value}
                  onChange={() => onChange(line.id, value)}
                />
                {TEST_METHOD_LABELS[value]}
                <span className="muted">
                  {value === "mail_in" ? "（顺丰包邮寄送采样盒）" : "（到店采样，免运费）"}
                </span>
              </label>
            ))}
            {method === "on_site" && (
              <CollectionAppointmentPicker
                {...collection}
                loadAvailability={loadAvailability}
                fields={fields}
                legend={`${line.title}：选择采集点和时段`}
                defaults={{ siteId: defaults(fields.site), slot: defaults(fields.slot) }}
              />
            )}
          </fieldset>
        )
      })}
    </div>
  )
}
