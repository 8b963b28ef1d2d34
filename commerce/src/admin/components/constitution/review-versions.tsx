import { Badge, Heading, Text } from "@medusajs/ui"
import { formatShanghaiTime } from "../lab/format-shanghai-time"
import { SECTIONS } from "./constitution-labels"
import type { ReviewVersion } from "./constitution-types"

/** Every published version of a report, newest first, each collapsed: what the member read. */
export const ReviewVersions = ({ versions }: { versions: ReviewVersion[] }) => (
  <section className="flex flex-col gap-y-2">
    <Heading level="h3">版本记录</Heading>
    {versions.map((version, index) => (
      <details key={version.revision} className="rounded-md border border-ui-border-base p-3">
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-2">
          <Text size="small" weight="plus" as="span">
            第 {version.revision} 版
          </Text>
          {index === 0 && (
            <Badge size="2xsmall" color="green">
              当前
            </Badge>
          )}
          <Text size="small" className="text-ui-fg-subtle" as="span">
            {version.expert_name ?? "专家"} · {formatShanghaiTime(version.published_at)}
            {version.revision > 1 ? " 修订" : " 发布"}
          </Text>
        </summary>
        <div className="mt-2 flex flex-col gap-y-2">
          {version.reason && (
            <Text size="small">
              <span className="text-ui-fg-subtle">修订说明：</span>
              {version.reason}
            </Text>
          )}
          {SECTIONS.filter((section) => version.sections[section.key]?.trim()).map((section) => (
            <div key={section.key}>
              <Text size="small" weight="plus">
                {section.label}
              </Text>
              <Text size="small" className="whitespace-pre-wrap">
                {version.sections[section.key]}
              </Text>
            </div>
          ))}
        </div>
      </details>
    ))}
  </section>
)
