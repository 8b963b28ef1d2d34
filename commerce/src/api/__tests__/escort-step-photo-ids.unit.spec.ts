import { EscortProgressBody, EscortReportBody } from "../escort-validators"

const report = { type: "other", text: "家属未到" }
const errorOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message

describe("step and 报备 photo ids", () => {
  it("keeps a step's photo id and a 报备's ids (once each), and none when absent", () => {
    expect(
      EscortProgressBody.parse({ status: "departed", photo_upload_id: "escupl_1" }).photo_upload_id
    ).toBe("escupl_1")
    expect(EscortProgressBody.parse({ status: "departed" }).photo_upload_id).toBeNull()
    expect(
      EscortReportBody.parse({ ...report, photo_upload_ids: ["escupl_1", "escupl_2", "escupl_1"] })
        .photo_upload_ids
    ).toEqual(["escupl_1", "escupl_2"])
    expect(EscortReportBody.parse(report).photo_upload_ids).toEqual([])
  })

  it("refuses more than 9 photos, non-string ids and odd characters in Chinese", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `escupl_${i}`)
    expect(errorOf(EscortReportBody.safeParse({ ...report, photo_upload_ids: ten }))).toBe(
      "照片最多 9 张，且须是本任务上传的图片"
    )
    expect(errorOf(EscortReportBody.safeParse({ ...report, photo_upload_ids: [1] }))).toBe(
      "照片最多 9 张，且须是本任务上传的图片"
    )
    expect(
      errorOf(EscortProgressBody.safeParse({ status: "departed", photo_upload_id: "../x" }))
    ).toBe("照片须是本任务上传的图片")
  })
})
