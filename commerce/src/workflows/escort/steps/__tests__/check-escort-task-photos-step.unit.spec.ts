import type { EscortUploadRow } from "../../../../modules/escort-messaging/types"
import { escortTaskPhotoRefusal } from "../check-escort-task-photos-step"

const upload = (id: string, extra: Partial<EscortUploadRow> = {}): EscortUploadRow => ({
  id,
  booking_id: "escbk_1",
  uploader_type: "escort",
  uploader_id: "esc_1",
  mime_type: "image/jpeg",
  size: 100,
  file_id: "file_1",
  key_id: "key_1",
  archived_upload_id: null,
  created_at: "2026-12-06T08:00:00.000Z",
  ...extra,
})

/** Like commerce's lookup: an upload is found only under its own booking. */
const finder =
  (rows: EscortUploadRow[]) =>
  async (bookingId: string, uploadId: string): Promise<EscortUploadRow | null> =>
    rows.find((row) => row.id === uploadId && row.booking_id === bookingId) ?? null

const REFUSAL = "照片不是本任务上传的图片，请重新拍照上传"

describe("escortTaskPhotoRefusal", () => {
  const rows = [
    upload("escupl_mine"),
    upload("escupl_other_task", { booking_id: "escbk_2" }),
    upload("escupl_member", { uploader_type: "member", uploader_id: "cus_1" }),
    upload("escupl_other_escort", { uploader_id: "esc_2" }),
  ]
  const check = (ids: string[]) =>
    escortTaskPhotoRefusal(
      { booking_id: "escbk_1", escort_id: "esc_1", photo_upload_ids: ids },
      finder(rows)
    )

  it("accepts no photos and this escort's uploads of this task", async () => {
    expect(await check([])).toBeNull()
    expect(await check(["escupl_mine"])).toBeNull()
  })

  it("refuses another task's upload, the member's, another escort's and a made-up id", async () => {
    expect(await check(["escupl_mine", "escupl_other_task"])).toBe(REFUSAL)
    expect(await check(["escupl_member"])).toBe(REFUSAL)
    expect(await check(["escupl_other_escort"])).toBe(REFUSAL)
    expect(await check(["escupl_made_up"])).toBe(REFUSAL)
  })
})
