"use client"

import { ARCHIVE_DELETE_WORD } from "@health/core"
import { useActionState, useState } from "react"
import { FormFeedback } from "@/components/account/form-feedback"
import type { AccountActionState } from "@/lib/account-actions"

type Erase = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

export const DELETE_WORD = ARCHIVE_DELETE_WORD

/** 数据导出与删除: a zip of everything, and deleting it all once the member types 删除. */
export function ArchiveDataControls({ erase }: { erase: Erase }) {
  const [state, action, pending] = useActionState(erase, undefined)
  const [typed, setTyped] = useState("")
  return (
    <div className="archive-data" data-testid="archive-data">
      <div className="panel">
        <h3>导出健康档案</h3>
        <p className="muted">
          下载一个 ZIP
          压缩包，包含全部检测报告、上传的资料，以及检测记录、知情同意和体质辨识结果（JSON）。
        </p>
        <a href="/api/health-archive/export" className="button primary" download>
          下载全部数据
        </a>
      </div>
      <div className="panel danger-zone">
        <h3>删除健康档案</h3>
        <p>
          将永久删除您的检测报告、上传的资料、体质辨识结果和受检者信息，并撤回全部知情同意。
          订单记录不受影响。此操作无法撤销，建议先导出备份。
        </p>
        <form action={action} className="form">
          <label>
            请输入“{DELETE_WORD}”以确认
            <input
              name="confirm"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
            />
          </label>
          <FormFeedback state={state} />
          <button
            type="submit"
            className="button danger"
            disabled={pending || typed.trim() !== DELETE_WORD}
          >
            {pending ? "删除中…" : "永久删除健康档案"}
          </button>
        </form>
      </div>
    </div>
  )
}
