import { Button, Image, Text, View } from "@tarojs/components"
import Taro, { useDidShow, useRouter } from "@tarojs/taro"
import {
  certificateValidUntil,
  cooldownText,
  type TrainingCourse,
  type TrainingLesson,
} from "@health/core"
import { useRef, useState } from "react"
import { RichTextBody } from "../../../components/rich-text-body"
import { StateView } from "../../../components/state-view"
import { escortRoutes } from "../escort-app-routes"
import { escortTraining } from "../escort-training-client"
import { useEscortLoad } from "../use-escort-load"
import { useNow } from "../use-now"

/** One course: its lessons (opening one marks it read), then 开始考试, the cool-down or the certificate. */
export default function EscortTrainingCoursePage() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  const { result, reload } = useEscortLoad(
    async (token) => ({ token, course: await escortTraining.course(token, id) }),
    [id]
  )
  // Back from the exam: the progress and cool-down may have changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  return (
    <View className="page" data-testid="escort-training-course-page">
      <StateView result={result} onRetry={reload}>
        {({ token, course }) => <CourseReader key={course.id} token={token} loaded={course} />}
      </StateView>
    </View>
  )
}

function CourseReader({ token, loaded }: { token: string; loaded: TrainingCourse }) {
  // What markLessonRead answers replaces the loaded course (its progress line follows) until
  // the page loads the course again (back from the exam).
  const [marked, setMarked] = useState<{ from: TrainingCourse; course: TrainingCourse } | null>(
    null
  )
  const [open, setOpen] = useState<string | null>(null)
  // Each lesson is marked read once, even when opened again before commerce answers.
  const asked = useRef(new Set<string>())
  const now = useNow()
  const course = marked?.from === loaded ? marked.course : loaded
  const progress = course.progress
  const lessons = course.lessons ?? []
  const countdown = cooldownText(progress?.retry_at ?? null, now)

  const toggle = (lesson: TrainingLesson) => {
    const opening = open !== lesson.key
    setOpen(opening ? lesson.key : null)
    if (!opening || lesson.read || asked.current.has(lesson.key)) return
    asked.current.add(lesson.key)
    escortTraining.markLessonRead(token, course.id, lesson.key).then(
      (answered) => setMarked({ from: loaded, course: answered }),
      () => {
        // Not marked this time: opening it again tries again.
        asked.current.delete(lesson.key)
      }
    )
  }

  return (
    <View>
      <View className="section">
        <Text className="section__title">{course.title}</Text>
        {course.summary ? <Text className="muted">{course.summary}</Text> : null}
        {progress && progress.lesson_count > 0 ? (
          <View>
            <Text className="muted" data-testid="escort-training-reading">
              已读 {progress.lessons_read}/{progress.lesson_count} 课时，点开课时即记为已读
            </Text>
          </View>
        ) : null}
      </View>
      {lessons.length === 0 ? (
        <View className="state state--empty" data-testid="escort-training-no-lessons">
          <Text>本课程暂无课时内容，可直接参加考试。</Text>
        </View>
      ) : (
        lessons.map((lesson) => (
          <View key={lesson.key} className="section" data-testid="escort-training-lesson">
            <View
              className="row"
              onClick={() => toggle(lesson)}
              data-testid="escort-training-lesson-title"
            >
              <Text className="section__title">
                {open === lesson.key ? "▾ " : "▸ "}
                {lesson.title}
              </Text>
              {lesson.read ? <Text className="muted">（已读）</Text> : null}
            </View>
            {open === lesson.key ? <LessonBody lesson={lesson} /> : null}
          </View>
        ))
      )}
      <View className="section">
        <Text className="muted">
          考试 {course.exam.question_count} 题，{course.exam.pass_mark_percent} 分及格；未通过需等待{" "}
          {course.exam.retry_cooldown_minutes} 分钟后重考。题目和选项顺序每次随机。
        </Text>
        {progress?.certificate && progress.state === "passed" ? (
          <View>
            <Text className="notice-text" data-testid="escort-training-certificate">
              已通过 · {certificateValidUntil(progress.certificate.expires_at)}
            </Text>
          </View>
        ) : null}
        {countdown ? (
          <View>
            <Text className="error-text" data-testid="escort-training-cooldown">
              {countdown}
            </Text>
          </View>
        ) : (
          <Button
            className="btn-primary"
            onClick={() => Taro.navigateTo({ url: escortRoutes.trainingExam(course.id) })}
            data-testid="escort-training-start-exam"
          >
            {progress?.state === "in_progress"
              ? "继续考试"
              : progress?.state === "passed"
                ? "再次考试（复训）"
                : "开始考试"}
          </Button>
        )}
      </View>
    </View>
  )
}

/** Mini-programs cannot open outside pages: a video link goes to the clipboard. */
function copyLink(url: string) {
  return Taro.setClipboardData({ data: url }).then(() =>
    Taro.showToast({ title: "视频链接已复制，可在浏览器中打开", icon: "none" })
  )
}

function LessonBody({ lesson }: { lesson: TrainingLesson }) {
  return (
    <View data-testid="escort-training-lesson-body">
      <RichTextBody source={lesson.body} />
      {lesson.images.map((image) => (
        <Image
          key={image.url}
          src={image.url}
          mode="widthFix"
          style={{ width: "100%" }}
          onClick={() =>
            Taro.previewImage({ current: image.url, urls: lesson.images.map((i) => i.url) })
          }
          data-testid="escort-training-lesson-image"
        />
      ))}
      {lesson.video_url ? (
        <View
          className="rich-links__item"
          onClick={() => copyLink(lesson.video_url!)}
          data-testid="escort-training-lesson-video"
        >
          <Text>观看视频：{lesson.video_url}</Text>
          <Text className="muted"> 复制链接</Text>
        </View>
      ) : null}
    </View>
  )
}
