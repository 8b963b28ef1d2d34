import { Button, Text, View } from "@tarojs/components"
import { formatDate, kitSteps, type Kit } from "@health/core"
import { StateView } from "../../../components/state-view"
import { WechatKfButton } from "../../../components/wechat-kf-button"
import { healthArchive } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { openReportPdf } from "../../../lib/report-file"
import { session } from "../../../lib/session"
import { useMemberLoad } from "../../../lib/use-member-load"
import { ReportFindingsSection } from "./report-findings-section"

/** Each kit with its progress; a kit with a report shows its findings by risk and the PDF. */
export default function Reports() {
  const { result, reload } = useMemberLoad((token) => healthArchive.listKits(token))
  return (
    <View className="page" data-testid="reports">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(data) => data.kits.length === 0}
        empty={
          <View>
            <Text>暂无检测盒。购买检测后，收到检测盒即可激活。</Text>
            <Button size="mini" onClick={() => go(routes.kitActivate)}>
              激活检测盒
            </Button>
          </View>
        }
      >
        {(data) => data.kits.map((kit: Kit) => <KitCard key={kit.id} kit={kit} />)}
      </StateView>
    </View>
  )
}

function KitCard({ kit }: { kit: Kit }) {
  const steps = kitSteps(kit)
  const openPdf = () => openReportPdf(kit.report!.id, session.token()!)
  return (
    <View className="section" data-testid="kit">
      <View className="row">
        <Text className="section__title">{kit.product_title}</Text>
        <Text className="notice-text">{kit.status_label}</Text>
      </View>
      <Text className="muted">
        条码 {kit.barcode ?? "待分配"}
        {kit.person ? ` · 受检人 ${kit.person.name}` : ""}
      </Text>
      <View className="chips">
        {steps.map((step) => (
          <Text
            key={step.status}
            className={`chip ${step.state === "upcoming" ? "" : "chip--active"}`}
          >
            {step.label}
          </Text>
        ))}
      </View>
      {kit.report ? (
        <View>
          <View className="row">
            <Text className="muted">
              报告已出{kit.report.issued_at ? ` · ${formatDate(kit.report.issued_at)}` : ""}
            </Text>
            <Button size="mini" onClick={openPdf}>
              查看报告
            </Button>
            <WechatKfButton
              page={{ kind: "report", id: kit.report.id, title: kit.product_title }}
            />
          </View>
          <ReportFindingsSection
            token={session.token()!}
            reportId={kit.report.id}
            onOpenPdf={openPdf}
          />
        </View>
      ) : null}
    </View>
  )
}
