import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { cmsReader, siteAddress } from "../../lib/cms/cms-reader"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import {
  appointmentCalendarFromEnv,
  bookingRefusal,
} from "../../modules/appointment/rules/appointment-calendar"
import { ACTIVE_APPOINTMENT_STATUSES } from "../../modules/appointment/rules/appointment-status"
import {
  collectionGroups,
  LINE_COLLECTION_KEY,
  slotClash,
  TEST_METHOD_KEY,
  type LineTestMethod,
  type TestMethod,
} from "../../modules/appointment/rules/line-test-method"
import { testMethodsOf } from "../../modules/appointment/rules/test-methods-of"
import type AppointmentModuleService from "../../modules/appointment/service"
import type { AppointmentRow } from "../../modules/appointment/types"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import { normalizeCnMobile } from "../../lib/phone/normalize-cn-mobile"
import { siteCapacity } from "../appointments/steps/resolve-collection-site-step"
import { loadOrderCancellation } from "./load-order-cancellation"
import { ORDER_PAYMENT_FIELDS, paymentStateOf } from "./order-payment-state"

export type TestMethodChoice = { site_id: string; date: string; slot: string }

export type ChangeTestMethodInput = {
  order_id: string
  customer_id: string
  line_item_id: string
  method: TestMethod
  collection?: TestMethodChoice | null
  ip?: string | null
  user_agent?: string | null
}

type Site = { id: string; name: string; address: string }

/** What the change does to the order's collection appointments (at most one write). */
export type AppointmentMove =
  | { action: "none" }
  /** The line had its own appointment: it moves, old place freed in the same transaction. */
  | { action: "relocate"; appointment_id: string; site: Site; capacity: number }
  /** The old appointment stays for other lines (or there was none): a new one is booked. */
  | { action: "book"; site: Site; capacity: number; person: { name: string; phone: string | null } }
  /** The old appointment served only this line, which is now mailed or joins another slot. */
  | { action: "cancel"; appointment_id: string }

export type LineMethodState = {
  method: TestMethod
  collection: (TestMethodChoice & { site_name: string | null }) | null
}

export type TestMethodChangePlan = {
  order_id: string
  order_display_id: number | null
  customer_id: string
  line_item_id: string
  title: string
  from: LineMethodState
  to: LineMethodState
  line_metadata_before: Record<string, unknown> | null
  line_metadata_after: Record<string, unknown>
  appointment: AppointmentMove & { date?: string; slot?: string }
  kit_ids: string[]
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const inYueyang = (city: string | null | undefined) => /岳阳/.test(city ?? "")

type OrderRow = {
  id: string
  display_id?: number | null
  customer_id?: string | null
  status?: string | null
  metadata?: Record<string, unknown> | null
  items?: ({
    id: string
    title?: string | null
    product_title?: string | null
    quantity: number | string
    product_id?: string | null
    metadata?: Record<string, unknown> | null
  } | null)[]
  shipping_methods?: ({ shipping_option_id?: string | null } | null)[]
  shipping_address?: {
    first_name?: string | null
    last_name?: string | null
    phone?: string | null
    province?: string | null
    city?: string | null
    address_1?: string | null
  } | null
}

/** The order's gene-test lines with their methods, as checkout recorded them. */
export async function orderTestMethods(container: MedusaContainer, orderId: string) {
  const {
    data: [order],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      ...ORDER_PAYMENT_FIELDS,
      "display_id",
      "customer_id",
      "metadata",
      "items.id",
      "items.title",
      "items.product_title",
      "items.quantity",
      "items.detail.quantity",
      "items.product_id",
      "items.metadata",
      "shipping_methods.shipping_option_id",
      "shipping_address.first_name",
      "shipping_address.last_name",
      "shipping_address.phone",
      "shipping_address.province",
      "shipping_address.city",
      "shipping_address.address_1",
    ],
    filters: { id: orderId },
  })
  const row = order as unknown as OrderRow
  const methods = await testMethodsOf(container, {
    items: row.items ?? [],
    shipping_option_ids: (row.shipping_methods ?? [])
      .map((method) => method?.shipping_option_id)
      .filter(Boolean) as string[],
    metadata: row.metadata ?? null,
  })
  if ("problem" in methods) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `订单的采样方式信息有误，请联系客服处理（${methods.problem}）`
    )
  }
  return { order: row, lines: methods.lines, payment: paymentStateOf(order as never) }
}

const stateOf = (line: LineTestMethod): LineMethodState => ({
  method: line.method,
  collection: line.choice
    ? {
        site_id: line.choice.site_id,
        date: line.choice.date,
        slot: line.choice.slot,
        site_name: line.choice.site_name ?? null,
      }
    : null,
})

const sameChoice = (a: TestMethodChoice | null | undefined, b: TestMethodChoice | null) =>
  !!a && !!b && a.site_id === b.site_id && a.date === b.date && a.slot === b.slot

/** The CMS site of a new choice, with its places per slot; refusals the member can fix. */
async function resolveSite(choice: TestMethodChoice) {
  const calendar = appointmentCalendarFromEnv()
  const refusal = bookingRefusal(choice.date, choice.slot, calendar)
  if (refusal) throw invalid(refusal)
  const site = await cmsReader.collectionSite(choice.site_id).catch(() => {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "暂时无法读取采集点信息，请稍后再试")
  })
  if (!site || site.active === false) {
    throw invalid("没有找到这个采集点，或它已暂停预约，请重新选择采集点")
  }
  return {
    site: { id: site.documentId, name: site.name, address: siteAddress(site) } as Site,
    city: site.city ?? null,
    capacity: siteCapacity(site, calendar.defaultCapacity),
  }
}

/**
 * Reads and checks a member's change of one line's test method, under the order's lock:
 * the order is theirs (404 otherwise) and nothing has shipped or been sampled (409 with
 * the reason, the same 规定时间 as every member edit); a mailed kit needs the order's
 * address; a new slot must be bookable and not clash with another line's; an offline
 * (岳阳) order keeps a reason to be offline. Answers the writes to make, in order.
 */
export async function planTestMethodChange(
  container: MedusaContainer,
  input: ChangeTestMethodInput
): Promise<TestMethodChangePlan> {
  const { refusal } = await loadOrderCancellation(
    container,
    input.order_id,
    input.customer_id,
    "edit"
  )
  if (refusal) throw new MedusaError(MedusaError.Types.CONFLICT, refusal)
  const { order, lines, payment } = await orderTestMethods(container, input.order_id)
  const item = (order.items ?? []).find((candidate) => candidate?.id === input.line_item_id)
  if (!item) throw invalid("订单中没有这一项，请刷新后再试")
  const line = lines.find((candidate) => candidate.line_item_id === input.line_item_id)
  if (!line) throw invalid("这一项不是基因检测，没有采样方式可改")

  const next = input.method === "on_site" ? (input.collection ?? null) : null
  if (input.method === "on_site" && !next) throw invalid("请选择现场采集的采集点、日期和时段")
  if (input.method === "mail_in" && line.method === "mail_in") {
    throw invalid("这一项已是寄送采样盒，无需修改")
  }
  if (input.method === "on_site" && sameChoice(line.choice, next)) {
    throw invalid("新的采集点和时段与原来相同，请选择其他采集点或时段")
  }

  const address = order.shipping_address ?? null
  if (
    input.method === "mail_in" &&
    (!address?.province || !address.city || Array.from(address.address_1 ?? "").length < 4)
  ) {
    throw invalid("订单没有完整的收货地址，请先修改收货地址，再改为寄送采样盒")
  }

  const resolved = next ? await resolveSite(next) : null
  const updated: LineTestMethod = {
    ...line,
    method: input.method,
    choice: next && resolved ? { ...next, site_name: resolved.site.name } : undefined,
  }
  const after = lines.map((l) => (l.line_item_id === line.line_item_id ? updated : l))
  const clash = slotClash(collectionGroups(after))
  if (clash) throw invalid(clash)

  if (payment.payment_offline && !inYueyang(address?.city)) {
    const sites = await Promise.all(
      collectionGroups(after).map(async (group) =>
        group.choice.site_id === resolved?.site.id
          ? resolved.city
          : ((await cmsReader.collectionSite(group.choice.site_id).catch(() => null))?.city ?? null)
      )
    )
    if (!sites.some(inYueyang)) {
      throw invalid("线下支付仅限岳阳地区的订单：请选择岳阳的采集点，或联系客服改为在线支付")
    }
  }

  const appointment = await planAppointmentMove(container, {
    order,
    line,
    after,
    next,
    resolved,
  })

  const kits = await container
    .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    .listKits({ order_id: order.id, line_item_id: line.line_item_id }, { select: ["id", "status"] })
  const to = stateOf(updated)
  return {
    order_id: order.id,
    order_display_id: order.display_id == null ? null : Number(order.display_id),
    customer_id: input.customer_id,
    line_item_id: line.line_item_id,
    title: line.title,
    from: stateOf(line),
    to,
    line_metadata_before: item.metadata ?? null,
    line_metadata_after: {
      ...(item.metadata ?? {}),
      [TEST_METHOD_KEY]: to.method,
      [LINE_COLLECTION_KEY]: to.collection ?? "",
    },
    appointment: { ...appointment, ...(next && { date: next.date, slot: next.slot }) },
    kit_ids: kits.filter((kit) => kit.status === "ordered").map((kit) => kit.id),
  }
}

/**
 * Lines picked for the same site, day and slot share one appointment. The line's old
 * appointment is freed only when no other line still uses it; the new choice joins an
 * appointment the order already holds there, else takes a place (moving the old
 * appointment when it is freed, so the move is one transaction).
 */
async function planAppointmentMove(
  container: MedusaContainer,
  facts: {
    order: OrderRow
    line: LineTestMethod
    after: LineTestMethod[]
    next: TestMethodChoice | null
    resolved: Awaited<ReturnType<typeof resolveSite>> | null
  }
): Promise<AppointmentMove> {
  const { order, line, after, next, resolved } = facts
  const active = (
    (await container
      .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
      .listAppointments({ order_id: order.id })) as unknown as AppointmentRow[]
  ).filter((a) => ACTIVE_APPOINTMENT_STATUSES.includes(a.status))
  const at = (choice: TestMethodChoice | null | undefined) =>
    choice
      ? active.find(
          (a) => a.site_id === choice.site_id && a.date === choice.date && a.slot === choice.slot
        )
      : undefined
  // The member may have moved the order's only appointment in 我的预约 (same site).
  const old =
    at(line.choice) ??
    (line.choice && active.length === 1 && active[0].site_id === line.choice.site_id
      ? active[0]
      : undefined)
  const stillUsed =
    !!line.choice &&
    after.some(
      (l) => l.line_item_id !== line.line_item_id && l.choice && sameChoice(l.choice, line.choice!)
    )
  const freed = old && !stillUsed ? old : undefined
  if (!next || !resolved)
    return freed ? { action: "cancel", appointment_id: freed.id } : { action: "none" }
  if (at(next)) return freed ? { action: "cancel", appointment_id: freed.id } : { action: "none" }
  if (freed) {
    return {
      action: "relocate",
      appointment_id: freed.id,
      site: resolved.site,
      capacity: resolved.capacity,
    }
  }
  const address = order.shipping_address
  const name = `${address?.last_name ?? ""}${address?.first_name ?? ""}`.trim().slice(0, 40)
  return {
    action: "book",
    site: resolved.site,
    capacity: resolved.capacity,
    person: { name, phone: normalizeCnMobile(address?.phone ?? "") },
  }
}
