import type { MemberSharedItem } from "@health/core"
import { healthArchive } from "@/lib/backends"
import { shareWithDoctor, withdrawFromDoctor } from "@/app/consult/_lib/consultation-actions"

/**
 * 共享健康档案: the member's reports and uploaded records, each shared with this consultation's
 * doctor or not. Sharing is for this consultation only, can be taken back, and every time the
 * doctor opens an item it is in the member's access log.
 */
export async function ArchiveSharing({
  token,
  consultationId,
  shared,
}: {
  token: string
  consultationId: string
  shared: MemberSharedItem[]
}) {
  const [kits, uploads] = await Promise.all([
    healthArchive
      .listKits(token)
      .then((answer) => answer.kits)
      .catch(() => []),
    healthArchive.uploads(token).catch(() => []),
  ])
  const items = [
    ...kits
      .filter((kit) => kit.report)
      .map((kit) => ({
        item_type: "report" as const,
        item_id: kit.report!.id,
        label: `检测报告 · ${kit.product_title}`,
      })),
    ...uploads.map((upload) => ({
      item_type: "upload" as const,
      item_id: upload.id,
      label: `上传资料 · ${upload.filename}`,
    })),
  ]
  const shareOf = (type: string, id: string) =>
    shared.find((s) => s.item_type === type && s.item_id === id && !s.withdrawn_at)
  return (
    <div className="panel" data-testid="consult-archive-sharing">
      <h2>共享健康档案给医生</h2>
      <p className="hint">
        仅本次问诊的医生可查看，可随时收回；医生每次查看都会记入您的档案访问记录。
      </p>
      {items.length === 0 && <p className="hint">健康档案里还没有报告或上传的资料。</p>}
      <ul>
        {items.map((item) => {
          const share = shareOf(item.item_type, item.item_id)
          return (
            <li key={`${item.item_type}:${item.item_id}`}>
              {item.label}{" "}
              <form
                action={share ? withdrawFromDoctor : shareWithDoctor}
                style={{ display: "inline" }}
              >
                <input type="hidden" name="consultation_id" value={consultationId} />
                <input type="hidden" name="item_type" value={item.item_type} />
                <input type="hidden" name="item_id" value={item.item_id} />
                {share && <input type="hidden" name="share_id" value={share.id} />}
                <button type="submit" className="button small">
                  {share ? "收回" : "共享给医生"}
                </button>
              </form>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
