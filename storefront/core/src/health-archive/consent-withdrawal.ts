import type { Consent } from "@health/contracts"

/** The word a member types before their whole archive is deleted (commerce checks it too). */
export const ARCHIVE_DELETE_WORD = "删除"

/** What withdrawing means, said before the member confirms (web and mini-program alike). */
export function withdrawalQuestion(consent: Pick<Consent, "kind" | "kind_label">): string {
  const effects: Record<string, string> = {
    testing: "未完成的检测将停止，已出具的报告仍保留在档案中。",
    storage: "实验室将销毁剩余样本，之后无法复检。",
    research: "您的去标识化数据将不再用于新的科研项目。",
    // 陪诊: the booking's consents (commerce answers what a withdrawal means for the booking).
    escort_sharing:
      "陪诊员将看不到就诊人信息；服务开始前撤回，本次陪诊将无法进行，可取消预约并按规则退款。",
    personal_info: "此后不再为该次陪诊处理您的个人信息。",
    sensitive_personal_info: "此后不再为该次陪诊处理就诊人的敏感个人信息。",
    privacy_policy: "",
  }
  const effect = effects[consent.kind] ?? ""
  return `确定撤回「${consent.kind_label}」吗？${effect}撤回后如需恢复，须重新签署。`
}
