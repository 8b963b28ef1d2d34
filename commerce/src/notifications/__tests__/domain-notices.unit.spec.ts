import {
  appointmentReminderNotice,
  appointmentStatusNotice,
  clinicPromotedNotice,
  orderCollectionUnbookedNotice,
} from "../appointments.zh-CN"
import { articleNotice } from "../articles.zh-CN"
import { constitutionReviewNotice, constitutionReviewRevisedNotice } from "../constitution.zh-CN"
import { orderPlacedNotice } from "../orders.zh-CN"
import { unplacedRefundNotice } from "../payments.zh-CN"

describe("member notices per domain (zh-CN)", () => {
  it("keeps each notice's inbox dedupe key, and keys its channels by it", () => {
    const notices = [
      appointmentReminderNotice({
        appointment_id: "appt_1",
        date: "2026-12-08",
        slot: "09:00",
        site_name: "岳阳楼采集点",
        site_address: "岳阳楼区 1 号",
      }),
      appointmentStatusNotice({
        event_id: "aevt_1",
        status: "confirmed",
        date: "2026-12-08",
        slot: "09:00",
        site_name: "岳阳楼采集点",
      })!,
      clinicPromotedNotice({
        signup_id: "sgn_1",
        session_title: "体质调理讲座",
        starts_at: "2026-12-08T02:00:00.000Z",
        place: null,
      }),
      constitutionReviewNotice({
        review_id: "rev_1",
        assessment_id: "ca_1",
        assessed_at: "2026-12-01T02:00:00.000Z",
        expert_name: "王",
      }),
      constitutionReviewRevisedNotice({
        review_id: "rev_1",
        assessment_id: "ca_1",
        assessed_at: "2026-12-01T02:00:00.000Z",
        expert_name: null,
        revision: 2,
      }),
      unplacedRefundNotice({ out_refund_no: "RF1_VOID", amount: 64900, reason: "订单校验未通过" }),
      orderPlacedNotice({ order_id: "order_1", display_id: 7, item_titles: [], total: 699 }),
      ...[true, false].map((only_choice) =>
        orderCollectionUnbookedNotice({
          order_id: "order_1",
          order_display_id: 7,
          date: "2026-12-08",
          slot: "09:00",
          site_id: "site_1",
          site_name: null,
          reason: "",
          only_choice,
        })
      ),
    ]
    expect(notices.map((n) => n.feed.dedupe_key)).toEqual([
      "appointment-reminder:appt_1:2026-12-08:09:00",
      "appointment-status:aevt_1",
      "clinic-promoted:sgn_1",
      "constitution-review:rev_1",
      "constitution-review:rev_1:v2",
      "wechatpay-unplaced-refund:RF1_VOID",
      "order-placed:order_1",
      "order-collection-unbooked:order_1",
      "order-collection-unbooked:order_1:site_1:2026-12-08:09:00",
    ])
    for (const notice of notices) expect(notice.key).toBe(notice.feed.dedupe_key)
  })

  it("words the texts as members have always read them", () => {
    expect(
      clinicPromotedNotice({
        signup_id: "sgn_1",
        session_title: "体质调理讲座",
        starts_at: "2026-12-08T02:00:00.000Z",
        place: "岳阳门诊",
      }).feed
    ).toMatchObject({
      title: "候补成功：体质调理讲座",
      body: "有会员取消了报名，您已从候补转为正式报名：体质调理讲座，12月8日 10:00，地点：岳阳门诊。如不能参加，请在「我的预约」中取消，把名额留给他人。",
    })
    expect(
      unplacedRefundNotice({ out_refund_no: "RF1_VOID", amount: 64900, reason: "订单校验未通过" })
        .feed.body
    ).toBe(
      "您通过微信支付的 ¥649.00 未能生成订单（订单校验未通过），款项已原路退回，通常 1–3 个工作日到账。如需购买请重新下单。"
    )
    expect(
      orderPlacedNotice({ order_id: "order_1", display_id: 7, item_titles: [], total: 699 }).feed
    ).toMatchObject({
      title: "订单 #7 已提交",
      body: "您购买的商品已下单，订单金额 ¥699.00。",
      link: "/account/orders/order_1",
    })
    const review = constitutionReviewNotice({
      review_id: "rev_1",
      assessment_id: "ca_1",
      assessed_at: "2026-12-01T02:00:00.000Z",
      expert_name: "王",
    })
    expect(review.sms).toEqual({ template: "constitution-review", params: { expert: "王专家" } })
    expect(review.wechat).toBeUndefined()
  })

  it("pushes an article to the inbox, by text and to the mini-program page", () => {
    const notice = articleNotice(
      { document_id: "doc_1", title: "气虚质怎么调", slug: "qixu", summary: null, tags: ["qixu"] },
      "cus_1"
    )
    expect(notice.feed).toEqual({
      category: "article",
      title: "气虚质怎么调",
      body: "为您推荐一篇健康资讯，点击查看全文。",
      link: "/articles/qixu",
      dedupe_key: "article:doc_1:cus_1",
    })
    expect(notice.sms).toEqual({ template: "article", params: { title: "气虚质怎么调" } })
    expect(notice.wechat?.page).toBe("packages/content/article/index?slug=qixu")
    expect(notice.wechat?.data.thing2).toEqual({ value: "为您推荐的健康资讯" })
  })
})
