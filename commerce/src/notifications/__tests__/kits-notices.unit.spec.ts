import { kitStatusNotice } from "../kits.zh-CN"

const base = {
  kit_id: "kit_1",
  event_id: "kevt_1",
  product_title: "肿瘤易感基因检测",
  relation_label: null,
  note: null,
}

describe("kit status notices (zh-CN)", () => {
  it("tells of a shipped kit in the inbox, by text and by WeChat", () => {
    expect(kitStatusNotice({ ...base, status: "shipped" })).toEqual({
      template: "kit-status",
      key: "kit-status:kevt_1",
      feed: {
        category: "kit",
        title: "肿瘤易感基因检测：已寄出",
        body: "采样盒已寄出，收到后请在“健康档案”中激活条码再采样。",
        link: "/account/health/kits/kit_1",
        dedupe_key: "kit-status:kevt_1",
      },
      sms: { template: "kit-status", params: { product: "肿瘤易感基因检测", status: "已寄出" } },
      wechat: {
        template_id: process.env.WECHAT_SUBSCRIBE_TEMPLATE_KIT_STATUS || "dev-kit-status-template",
        page: "packages/health/reports/index?kit=kit_1",
        data: {
          thing1: { value: "肿瘤易感基因检测" },
          phrase2: { value: "已寄出" },
          thing3: { value: "收到后请先激活条码再采样" },
        },
      },
    })
  })

  it("names a relative's kit and gives the rejection's reason, in the inbox only for steps that ask nothing", () => {
    const rejected = kitStatusNotice({
      ...base,
      status: "rejected",
      relation_label: "配偶",
      note: "样本量不足",
    })
    expect(rejected?.feed.title).toBe("肿瘤易感基因检测（配偶）：样本不合格（需重新采样）")
    expect(rejected?.feed.body).toBe(
      "很抱歉，样本未通过质检，请按说明重新采样并寄回。原因：样本量不足"
    )
    const received = kitStatusNotice({ ...base, status: "received" })
    expect(received?.feed.body).toBe("实验室已收到您的样本，即将开始检测。")
    expect(received?.sms).toBeUndefined()
    expect(received?.wechat).toBeUndefined()
  })

  it("has nothing to say for a kit just ordered", () => {
    expect(kitStatusNotice({ ...base, status: "ordered" })).toBeNull()
  })
})
