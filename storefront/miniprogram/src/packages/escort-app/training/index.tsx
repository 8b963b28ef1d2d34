import { Text, View } from "@tarojs/components"
import Taro, { useDidShow } from "@tarojs/taro"
import { certificateValidUntil, cooldownText, type TrainingCourse } from "@health/core"
import { useRef } from "react"
import { StateView } from "../../../components/state-view"
import { escortRoutes } from "../escort-app-routes"
import { escortTraining } from "../escort-training-client"
import { useEscortLoad } from "../use-escort-load"
import { useNow } from "../use-now"

/**
 * 培训考试: the gate's message while a required course is missing or lapsed, then each course
 * with its scope, reading progress, certificate or cool-down; a course opens its lessons.
 */
export default function EscortTrainingPage() {
  const { result, reload } = useEscortLoad((token) => escortTraining.overview(token))
  // Back from a course or its exam: the standing may have changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  return (
    <View className="page" data-testid="escort-training">
      <StateView result={result} onRetry={reload}>
        {(overview) => (
          <View>
            {overview.qualified ? (
              <Text className="notice-text" data-testid="escort-training-qualified">
                必修培训均已通过，可以接单。
              </Text>
            ) : (
              <Text className="error-text" data-testid="escort-training-gate">
                {overview.message ?? "必修培训未通过时不能接单"}
              </Text>
            )}
            {overview.courses.length === 0 ? (
              <View className="state state--empty" data-testid="escort-training-empty">
                <Text>暂无培训课程，运营发布后会显示在这里。</Text>
              </View>
            ) : (
              overview.courses.map((course) => <CourseCard key={course.id} course={course} />)
            )}
          </View>
        )}
      </StateView>
    </View>
  )
}

function CourseCard({ course }: { course: TrainingCourse }) {
  const now = useNow()
  const progress = course.progress
  const countdown = cooldownText(progress?.retry_at ?? null, now)
  const scope = [course.scope.hospital, course.scope.department, course.scope.specialty]
    .filter(Boolean)
    .join(" · ")
  return (
    <View
      className="section"
      data-testid="escort-training-course"
      onClick={() => Taro.navigateTo({ url: escortRoutes.trainingCourse(course.id) })}
    >
      <Text className="section__title">
        {course.title}
        {course.required ? " · 必修" : " · 选修"}
      </Text>
      <Text className="muted" data-testid="escort-training-course-state">
        {progress?.label ?? "未开始"}
        {progress && course.lesson_count > 0
          ? ` · 已读 ${progress.lessons_read}/${course.lesson_count} 课时`
          : ` · 共 ${course.lesson_count} 课时`}
      </Text>
      {course.summary ? (
        <View>
          <Text className="muted">{course.summary}</Text>
        </View>
      ) : null}
      <View>
        <Text className="muted">
          {scope ? `适用：${scope} · ` : "适用：全部陪诊员 · "}考试 {course.exam.question_count}{" "}
          题，{course.exam.pass_mark_percent} 分及格
          {course.required ? ` · 每 ${course.refresher_months} 个月复训` : ""}
        </Text>
      </View>
      {progress?.certificate ? (
        <View>
          <Text className="notice-text" data-testid="escort-training-certificate">
            合格证书 · {progress.certificate.score_percent} 分 ·{" "}
            {certificateValidUntil(progress.certificate.expires_at)}
          </Text>
        </View>
      ) : null}
      {countdown ? (
        <View>
          <Text className="error-text" data-testid="escort-training-cooldown">
            上次考试 {progress?.last_score_percent ?? 0} 分，未通过。{countdown}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
