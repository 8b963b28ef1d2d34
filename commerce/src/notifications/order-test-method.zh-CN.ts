import { describeSlot } from "../modules/appointment/rules/appointment-calendar"
import type { MemberNotice } from "./member-notice"

export type TestMethodChangedData = {
  order_id: string
  display_id: number | null
  title: string
  method: "mail_in" | "on_site"
  collection: { site_name: string | null; date: string; slot: string } | null
  /** One per change, so two changes of the same line are two messages. */
  change_id: string
}

/** The member changed a kit's test method or collection slot (template `order-test-method-changed`). */
export function testMethodChangedNotice(data: TestMethodChangedData): MemberNotice {
  const key = `order-test-method:${data.order_id}:${data.change_id}`
  const order = data.display_id ? `订单 #${data.display_id}` : "订单"
  const now =
    data.method === "on_site" && data.collection
      ? `采集点现场采集：${data.collection.site_name ?? "采集点"} ${describeSlot(data.collection.date, data.collection.slot)}，请携带身份证件按时到店`
      : "寄送采样盒：检测盒将寄到订单的收货地址"
  return {
    template: "order-test-method-changed",
    key,
    feed: {
      category: "order",
      title: `${order} 采样方式已修改`,
      body: `您已将「${data.title}」的采样方式改为${now}。订单金额不变。`,
      link: `/account/orders/${data.order_id}`,
      dedupe_key: key,
    },
  }
}
