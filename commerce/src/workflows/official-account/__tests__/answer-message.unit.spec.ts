import {
  buildMessageXml,
  parseMessageXml,
} from "../../../modules/wechat-official-account/message-xml"
import { dedupeKeyOf, inboundMessageOf } from "../answer-message"

const report = (msgId: number, status: string) =>
  inboundMessageOf(
    parseMessageXml(
      buildMessageXml({
        ToUserName: "gh_account",
        FromUserName: "oFollower01",
        CreateTime: 1796668800,
        MsgType: "event",
        Event: "TEMPLATESENDJOBFINISH",
        MsgID: msgId,
        Status: status,
      })
    )
  )

describe("TEMPLATESENDJOBFINISH on the server URL", () => {
  it("reads the reported message and its status", () => {
    expect(report(200001, "failed:user block").templateJob).toEqual({
      msg_id: "200001",
      status: "failed:user block",
    })
  })

  it("keeps two reports to one follower in the same second apart, and a retry together", () => {
    expect(dedupeKeyOf(report(200001, "success"))).not.toBe(dedupeKeyOf(report(200002, "success")))
    expect(dedupeKeyOf(report(200001, "success"))).toBe(dedupeKeyOf(report(200001, "success")))
  })
})
