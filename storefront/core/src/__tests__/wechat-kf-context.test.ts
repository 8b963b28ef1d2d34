import { wechatKfContext, wechatKfLink } from "../support/wechat-kf-context"

describe("微信客服 context", () => {
  it("names the product, report or order the member came from, with the page to open", () => {
    expect(
      wechatKfContext({
        kind: "product",
        handle: "tumor-risk-gene-test",
        title: "肿瘤风险基因检测",
      })
    ).toEqual({
      sessionFrom: "product:tumor-risk-gene-test",
      sendMessageTitle: "商品咨询：肿瘤风险基因检测",
      sendMessagePath: "/pages/product/index?handle=tumor-risk-gene-test",
    })
    expect(wechatKfContext({ kind: "report", id: "rep_1", title: "" })).toMatchObject({
      sessionFrom: "report:rep_1",
      sendMessageTitle: "报告咨询：rep_1",
      sendMessagePath: "/packages/health/reports/index?id=rep_1",
    })
    expect(wechatKfContext({ kind: "order", id: "order_01", displayId: 1024 })).toMatchObject({
      sessionFrom: "order:order_01",
      sendMessageTitle: "订单咨询：订单 #1024",
      sendMessagePath: "/packages/shop/orders/index?id=order_01",
    })
  })

  it("keeps the card title and sessionFrom short, cutting by characters, not bytes", () => {
    const long = "超长的商品名称".repeat(10)
    const context = wechatKfContext({ kind: "product", handle: "h".repeat(100), title: long })
    expect([...context.sendMessageTitle]).toHaveLength(30)
    expect(context.sendMessageTitle.endsWith("…")).toBe(true)
    expect(context.sessionFrom).toHaveLength(64)
  })

  it("encodes ids in the page path", () => {
    expect(wechatKfContext({ kind: "order", id: "a&b=c" }).sendMessagePath).toBe(
      "/packages/shop/orders/index?id=a%26b%3Dc"
    )
  })

  it("appends the context to the configured 微信客服 link, and gives none without an https link", () => {
    const link = wechatKfLink("https://work.weixin.qq.com/kfid/kfc123?enc_scene=ENC", {
      kind: "report",
      id: "rep_9",
      title: "肿瘤风险基因检测报告",
    })
    const url = new URL(link!)
    expect(url.origin + url.pathname).toBe("https://work.weixin.qq.com/kfid/kfc123")
    expect(url.searchParams.get("enc_scene")).toBe("ENC")
    expect(url.searchParams.get("scene")).toBe("report")
    expect(url.searchParams.get("scene_param")).toBe("report:rep_9|报告咨询：肿瘤风险基因检测报告")
    for (const base of [
      undefined,
      null,
      "",
      "not a url",
      "http://work.weixin.qq.com/kfid/x",
      "javascript:alert(1)",
    ]) {
      expect(wechatKfLink(base, { kind: "order", id: "o" })).toBeNull()
    }
  })
})
