import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESCORT_MESSAGING_MODULE } from "../../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../../modules/escort-messaging/service"
import type { EscortUploadRow } from "../../../modules/escort-messaging/types"

type Input = { booking_id: string; escort_id: string; photo_upload_ids: string[] }

/**
 * Why photos sent with a step or a 报备 are refused, or null: each must be a picture this
 * escort uploaded to this same task (another task's id is as unknown as a made-up one).
 */
export async function escortTaskPhotoRefusal(
  { booking_id, escort_id, photo_upload_ids }: Input,
  findUpload: (bookingId: string, uploadId: string) => Promise<EscortUploadRow | null>
): Promise<string | null> {
  for (const uploadId of photo_upload_ids) {
    const upload = await findUpload(booking_id, uploadId)
    if (
      !upload ||
      upload.booking_id !== booking_id ||
      upload.uploader_type !== "escort" ||
      upload.uploader_id !== escort_id
    ) {
      return "照片不是本任务上传的图片，请重新拍照上传"
    }
  }
  return null
}

/** Refuses (400) photos that are not this escort's uploads of this task. */
export const checkEscortTaskPhotosStep = createStep(
  "check-escort-task-photos",
  async (input: Input, { container }) => {
    if (input.photo_upload_ids.length === 0) return new StepResponse(null)
    const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
    const refusal = await escortTaskPhotoRefusal(input, (bookingId, uploadId) =>
      messaging.bookingUpload(bookingId, uploadId).catch((error: unknown) => {
        if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_FOUND) return null
        throw error
      })
    )
    if (refusal) throw new MedusaError(MedusaError.Types.INVALID_DATA, refusal)
    return new StepResponse(null)
  }
)
