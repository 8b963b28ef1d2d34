import Taro from "@tarojs/taro"
import { appConfig, isWeapp } from "./config"

/**
 * A report PDF: downloaded with the member's token (decrypted by commerce for its owner only)
 * and opened in WeChat's document viewer. The H5 build points to the web's health archive.
 */
export async function openReportPdf(reportId: string, token: string): Promise<void> {
  if (!isWeapp()) {
    await Taro.showModal({
      title: "查看报告",
      content: "请在网页版「健康档案 › 报告」中查看和下载 PDF。",
      showCancel: false,
    })
    return
  }
  Taro.showLoading({ title: "正在打开报告" })
  try {
    const { statusCode, tempFilePath } = await Taro.downloadFile({
      url: `${appConfig.commerceUrl}/store/health-archive/reports/${encodeURIComponent(reportId)}/file`,
      header: {
        authorization: `Bearer ${token}`,
        "x-publishable-api-key": appConfig.publishableKey,
      },
    })
    if (statusCode !== 200) throw new Error(`报告打开失败（${statusCode}）`)
    await Taro.openDocument({ filePath: tempFilePath, fileType: "pdf", showMenu: true })
  } catch (error) {
    Taro.showToast({ title: (error as Error).message || "报告打开失败", icon: "none" })
  } finally {
    Taro.hideLoading()
  }
}
