import {
  accessLogLine,
  ApiError,
  CONSTITUTION_NAMES,
  formatDate,
  formatDateTime,
  type ArchiveAssessment,
  type Kit,
} from "@health/core"
import Link from "next/link"
import type { ReactNode } from "react"
import { EmptyIcon } from "@/components/icons"
import { archiveAccess, healthArchive } from "@/lib/backends"
import { healthTabHref } from "@/lib/health-tabs"
import { deleteArchive, deleteUpload, withdrawConsent } from "@/lib/health-archive-actions"
import { ArchiveDataControls } from "./archive-data-controls"
import { ConsentList } from "./consent-list"
import { KitCard } from "./kit-card"
import { UploadForm } from "./upload-form"
import { UploadGrid } from "./upload-grid"

/** One section's data, or a sentence saying it could not be loaded (the rest still works). */
async function load<T>(read: () => Promise<T>): Promise<{ data: T } | { failed: string }> {
  try {
    return { data: await read() }
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) {
      console.error("[health archive]", error)
    }
    return {
      failed:
        error instanceof ApiError && error.status === 401
          ? "登录已过期，请重新登录"
          : "健康档案暂时无法加载，请稍后刷新重试",
    }
  }
}

function Failed({ message }: { message: string }) {
  return (
    <p className="notice error" role="alert">
      {message}
    </p>
  )
}

function Empty({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div className="empty-state small" data-testid={testId}>
      <EmptyIcon kind="record" />
      {children}
    </div>
  )
}

export async function KitsSection({ token }: { token: string }) {
  const result = await load(() => healthArchive.listKits(token))
  if ("failed" in result) return <Failed message={result.failed} />
  const { kits } = result.data
  if (!kits.length) {
    return (
      <Empty testId="kits-empty">
        <p>还没有检测记录</p>
        <p className="muted">购买基因检测后，采样盒的寄送、检测进度和报告都会显示在这里。</p>
        <div className="actions">
          <Link href="/products" className="button primary">
            选购基因检测
          </Link>
          <Link href="/account/health/activate" className="button">
            已有采样盒？去激活
          </Link>
        </div>
      </Empty>
    )
  }
  return (
    <ul className="kit-list" data-testid="kit-list">
      {kits.map((kit) => (
        <KitCard key={kit.id} kit={kit} />
      ))}
    </ul>
  )
}

type ReportedKit = Kit & { report: NonNullable<Kit["report"]> }

export async function ReportsSection({ token }: { token: string }) {
  const result = await load(() => healthArchive.listKits(token))
  if ("failed" in result) return <Failed message={result.failed} />
  const reported = result.data.kits.filter((kit): kit is ReportedKit => !!kit.report)
  if (!reported.length) {
    return (
      <Empty testId="reports-empty">
        <p>还没有检测报告</p>
        <p className="muted">实验室出具报告后会通知您，报告也会保存在这里。</p>
      </Empty>
    )
  }
  return (
    <ul className="report-list" data-testid="report-list">
      {reported.map((kit) => (
        <li key={kit.report.id} className="order-row">
          <div>
            <Link href={`/account/health/reports/${encodeURIComponent(kit.report.id)}`}>
              <strong>{kit.product_title}</strong>
            </Link>
            {!kit.report.viewed_at && <span className="kit-badge success">新报告</span>}
            <p className="muted">
              {kit.person?.name ?? "受检者"} · 条码 {kit.barcode}
              {kit.report.lab && <> · {kit.report.lab}</>}
              {kit.report.issued_at && <> · 出具于 {formatDate(kit.report.issued_at)}</>}
            </p>
          </div>
          <Link
            href={`/account/health/reports/${encodeURIComponent(kit.report.id)}`}
            className="button"
          >
            查看报告
          </Link>
        </li>
      ))}
    </ul>
  )
}

const constitutionName = (assessment: ArchiveAssessment) =>
  assessment.primary_label ??
  CONSTITUTION_NAMES[assessment.primary as keyof typeof CONSTITUTION_NAMES] ??
  assessment.primary

export async function AssessmentsSection({ token }: { token: string }) {
  const result = await load(() => healthArchive.assessments(token))
  if ("failed" in result) return <Failed message={result.failed} />
  if (!result.data.length) {
    return (
      <Empty testId="assessments-empty">
        <p>还没有体质辨识记录</p>
        <p className="muted">完成中医体质辨识测试后，每次的结果都会保存在这里，便于对比变化。</p>
        <div className="actions">
          <Link href="/constitution" className="button primary">
            开始体质辨识
          </Link>
        </div>
      </Empty>
    )
  }
  return (
    <>
      <div className="actions">
        <Link href="/constitution/history" className="button">
          查看变化趋势与专家评估
        </Link>
        <Link href="/constitution/test" className="button">
          再测一次
        </Link>
      </div>
      <ul className="order-list" data-testid="assessment-list">
        {result.data.map((assessment) => (
          <li key={assessment.id} className="order-row">
            <div>
              <Link href={`/constitution/report/${encodeURIComponent(assessment.id)}`}>
                <strong>中医体质辨识</strong>
              </Link>
              <p className="muted">{formatDateTime(assessment.created_at)}</p>
            </div>
            <div className="order-side">
              <span className="chip">主要体质：{constitutionName(assessment)}</span>
              <Link
                href={`/constitution/report/${encodeURIComponent(assessment.id)}`}
                className="button"
              >
                查看报告
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}

export async function UploadsSection({ token }: { token: string }) {
  const result = await load(() => healthArchive.uploads(token))
  return (
    <>
      <div className="panel">
        <h3>上传资料</h3>
        <p className="muted">
          上传病历、化验单、体检报告的照片或 PDF，与检测报告一起保存在档案中。
        </p>
        <UploadForm />
      </div>
      {"failed" in result ? (
        <Failed message={result.failed} />
      ) : result.data.length ? (
        <UploadGrid uploads={result.data} remove={deleteUpload} />
      ) : (
        <Empty testId="uploads-empty">
          <p>还没有上传资料</p>
        </Empty>
      )}
    </>
  )
}

export async function ConsentsSection({ token }: { token: string }) {
  const result = await load(() => healthArchive.consents(token))
  if ("failed" in result) return <Failed message={result.failed} />
  if (!result.data.length) {
    return (
      <Empty testId="consents-empty">
        <p>还没有签署知情同意</p>
        <p className="muted">激活采样盒时签署的知情同意会列在这里，您可以随时撤回。</p>
      </Empty>
    )
  }
  return (
    <>
      <p className="muted">
        撤回同意不影响撤回前基于同意已进行的处理。检测同意是检测的前提，撤回后未完成的检测将停止。
      </p>
      <ConsentList consents={result.data} withdraw={withdrawConsent} />
    </>
  )
}

/** Rows of the access log a page shows. */
const ACCESS_PAGE = 20

/**
 * 访问记录: who read or changed the archive and when, newest first, a page at a time
 * (个人信息保护法: the member may know how their sensitive data is handled).
 */
export async function AccessLogSection({ token, page }: { token: string; page: number }) {
  const result = await load(() =>
    archiveAccess.page(token, { offset: (page - 1) * ACCESS_PAGE, limit: ACCESS_PAGE })
  )
  if ("failed" in result) return <Failed message={result.failed} />
  const { entries, count } = result.data
  if (!entries.length && page === 1) {
    return (
      <Empty testId="access-log-empty">
        <p>还没有访问记录</p>
        <p className="muted">
          您本人、医生或平台工作人员查看或修改您的健康档案时，都会记录在这里。
        </p>
      </Empty>
    )
  }
  const pages = Math.max(1, Math.ceil(count / ACCESS_PAGE))
  const href = (n: number) => `${healthTabHref("access")}&page=${n}`
  return (
    <>
      <p className="muted">
        共 {count} 条。医生会显示姓名；平台工作人员（实验室、客服等）仅在工作需要时查看，均有记录。
      </p>
      <ol className="access-log" data-testid="access-log">
        {entries.map((entry) => {
          const line = accessLogLine(entry)
          return (
            <li key={entry.id} data-testid="access-log-entry">
              <time dateTime={entry.at}>{line.when}</time> <span>{line.text}</span>
            </li>
          )
        })}
      </ol>
      {pages > 1 && (
        <nav className="pagination" aria-label="访问记录分页">
          {page > 1 && <Link href={href(page - 1)}>上一页</Link>}
          <span>
            第 {page} / {pages} 页
          </span>
          {page < pages && <Link href={href(page + 1)}>下一页</Link>}
        </nav>
      )}
    </>
  )
}

export function DataSection() {
  return <ArchiveDataControls erase={deleteArchive} />
}
