import Taro from "@tarojs/taro"
import { appConfig, isWeapp } from "../../../lib/config"
import { ASSESSMENT_TEXT } from "../assessment-text"

/**
 * A version of the 检测评估报告 as a PDF: downloaded with the member's token (commerce answers
 * its owner only) and opened in WeChat's document viewer. The H5 build points to the web.
 */
export async function openAssessmentPdf(
  token: string,
  assessmentId: string,
  version: number
): Promise<void> {
  if (!isWeapp()) {
    await Taro.showModal({
      title: "查看报告",
      content: ASSESSMENT_TEXT.pdfOnWeb,
      showCancel: false,
    })
    return
  }
  Taro.showLoading({ title: "正在打开报告" })
  try {
    const { statusCode, tempFilePath } = await Taro.downloadFile({
      url: `${appConfig.commerceUrl}/store/assessments/${encodeURIComponent(assessmentId)}/pdf?version=${version}`,
      header: {
        authorization: `Bearer ${token}`,
        ...(appConfig.publishableKey ? { "x-publishable-api-key": appConfig.publishableKey } : {}),
      },
    })
    if (statusCode !== 200) throw new Error(`${ASSESSMENT_TEXT.pdfFailed}（${statusCode}）`)
    await Taro.openDocument({ filePath: tempFilePath, fileType: "pdf", showMenu: true })
  } catch (error) {
    Taro.showToast({ title: (error as Error).message || ASSESSMENT_TEXT.pdfFailed, icon: "none" })
  } finally {
    Taro.hideLoading()
  }
}
