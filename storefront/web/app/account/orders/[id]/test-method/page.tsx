import {
  ApiError,
  formatAppointmentDay,
  shiftDay,
  TEST_METHOD_LABELS,
  TEST_METHOD_PRICE_RULE,
  type SiteAvailability,
} from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { AccountPageHead } from "@/components/account/account-page-head"
import { SlotPicker } from "@/components/appointments/slot-picker"
import { MailKitForm } from "@/components/order/mail-kit-form"
import { appointments, checkout, cms, optional, orderTestMethods } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { changeTestMethodMailed, changeTestMethodOnSite } from "@/lib/order-test-method-actions"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "修改检测方式" }

const DAYS_SHOWN = 7

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * 修改检测方式/改约 for one kit of the member's order: a mailed kit, or a collection site
 * and a slot with places left (the booking page's slot picker). Commerce refuses once the
 * kit has shipped or the sample was taken, and a slot that filled up meanwhile.
 */
export default async function OrderTestMethodPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { id } = await params
  const query = await searchParams
  const lineId = one(query.line) ?? ""
  const siteId = one(query.site)
  const from = one(query.from)
  const base = `/account/orders/${encodeURIComponent(id)}/test-method?line=${encodeURIComponent(lineId)}`
  const { token } = await requireMember(base)
  // Someone else's order is a 404 from commerce.
  const methods = await orderTestMethods.get(token, id).catch((error) => {
    if (error instanceof ApiError && error.status === 404) notFound()
    throw error
  })
  const line = methods.lines.find((candidate) => candidate.line_item_id === lineId)
  if (!line) notFound()
  const order = await checkout.order(id, token).catch(() => null)
  const address = order?.shipping_address
  const addressText =
    address?.city && address.address_1
      ? `${address.province ?? ""} ${address.city} ${address.address_2 ?? ""} ${address.address_1}`
      : null

  const sites = await optional(() => cms.listCollectionSites(), null)
  let availability: SiteAvailability | null = null
  let problem: string | undefined
  if (siteId && methods.change.allowed) {
    try {
      availability = await appointments.availability(token, siteId, { from, days: DAYS_SHOWN })
    } catch (error) {
      problem =
        error instanceof ApiError && error.status === 404
          ? "没有找到这个采集点，请重新选择"
          : memberActionError(error, "order test method availability").error
    }
  }
  const siteLink = (site: string, start?: string) =>
    `${base}&site=${encodeURIComponent(site)}${start ? `&from=${start}` : ""}`
  const firstDay = availability?.days[0]?.date
  const lastDay = availability?.days.at(-1)?.date

  return (
    <section className="account-page" data-testid="order-test-method">
      <AccountPageHead title={line.method === "on_site" ? "改约/修改检测方式" : "修改检测方式"} />
      <p>
        <Link href={`/account/orders/${encodeURIComponent(id)}`}>← 返回订单</Link>
      </p>
      <p data-testid="current-test-method">
        {line.title}：目前为{TEST_METHOD_LABELS[line.method]}
        {line.collection &&
          `（${line.collection.site_name ?? "采集点"} ${formatAppointmentDay(line.collection.date)} ${line.collection.slot}）`}
      </p>
      <p className="hint">{TEST_METHOD_PRICE_RULE}</p>

      {!methods.change.allowed ? (
        <p className="form-error" role="alert" data-testid="test-method-reason">
          不能再修改采样方式：{methods.change.reason}
        </p>
      ) : (
        <>
          {line.method === "on_site" && (
            <>
              <h2>改为寄送采样盒</h2>
              <MailKitForm
                action={changeTestMethodMailed.bind(null, id, line.line_item_id)}
                address={addressText}
              />
            </>
          )}

          <h2>{line.method === "on_site" ? "改约其他采集点或时段" : "改为采集点现场采集"}</h2>
          <h3>1. 选择采集点</h3>
          {sites === null ? (
            <p className="form-error" role="alert">
              采集点信息暂时无法读取，请稍后再试。
            </p>
          ) : sites.length === 0 ? (
            <p className="empty-state small">暂时没有可预约的采集点。</p>
          ) : (
            <ul className="chips" data-testid="site-choices">
              {sites.map((site) => (
                <li key={site.documentId}>
                  <Link
                    className={`chip${site.documentId === siteId ? " active" : ""}`}
                    aria-current={site.documentId === siteId ? "true" : undefined}
                    href={siteLink(site.documentId)}
                  >
                    {site.name}
                    <span className="muted"> · {site.district ?? site.city}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {siteId && (
            <>
              <h3>2. 选择日期和时段</h3>
              {problem && (
                <p className="form-error" role="alert">
                  {problem}
                </p>
              )}
              {availability && (
                <>
                  <p className="muted">{availability.site.address}</p>
                  <nav className="form-actions" aria-label="翻页">
                    {from && firstDay && (
                      <Link
                        className="button"
                        href={siteLink(siteId, shiftDay(firstDay, -DAYS_SHOWN))}
                      >
                        前 {DAYS_SHOWN} 天
                      </Link>
                    )}
                    {lastDay && (
                      <Link className="button" href={siteLink(siteId, shiftDay(lastDay, 1))}>
                        后 {DAYS_SHOWN} 天
                      </Link>
                    )}
                  </nav>
                  {/* Only the slot is asked: the order's contact comes to the appointment. */}
                  <SlotPicker
                    availability={availability}
                    book={changeTestMethodOnSite.bind(null, id, line.line_item_id)}
                    submitLabel={line.method === "on_site" ? "确认改约" : "改为现场采集"}
                  />
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  )
}
