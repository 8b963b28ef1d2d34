import { buildMessageXml, MalformedXmlError, parseMessageXml } from "../message-xml"

describe("official account message XML", () => {
  it("reads WeChat's fields: CDATA, numbers, entities and nested event fields", () => {
    const fields = parseMessageXml(
      `<?xml version="1.0"?>\n<xml>\n  <ToUserName><![CDATA[gh_1]]></ToUserName>\n  <CreateTime>1796650000</CreateTime>\n` +
        `  <Content>a &lt; b &amp; c</Content>\n  <ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult>1</ScanResult></ScanCodeInfo>\n</xml>`
    )
    expect(fields).toEqual({
      ToUserName: "gh_1",
      CreateTime: "1796650000",
      Content: "a < b & c",
      ScanCodeInfo: { ScanType: "qrcode", ScanResult: "1" },
    })
  })

  it.each([
    ["not XML", "hello"],
    ["an unclosed field", "<xml><A>1</xml>"],
    ["another root", "<root><A>1</A></root>"],
    ["a DOCTYPE", '<!DOCTYPE x [<!ENTITY a "b">]><xml><A>&a;</A></xml>'],
    ["an unknown entity", "<xml><A>&a;</A></xml>"],
    ["attributes", '<xml><A x="1">1</A></xml>'],
    ["content after the root", "<xml><A>1</A></xml><xml/>"],
    ["an empty body", ""],
  ])("refuses %s", (_, source) => {
    expect(() => parseMessageXml(source)).toThrow(MalformedXmlError)
  })

  it("builds replies that read back, even with ]]> in the text", () => {
    const xml = buildMessageXml({ ToUserName: "oUser", CreateTime: 1, Content: "a ]]> b <c>" })
    expect(parseMessageXml(xml)).toEqual({
      ToUserName: "oUser",
      CreateTime: "1",
      Content: "a ]]> b <c>",
    })
  })
})
