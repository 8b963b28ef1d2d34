import { Button, Input, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { formatCnMobile, messages, parseCnMobile, profileOf, type Member } from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { member } from "../../../lib/clients"
import { isWeapp } from "../../../lib/config"
import { explainError } from "../../../lib/explain-error"
import { useMemberLoad } from "../../../lib/use-member-load"

/**
 * The member's details and 手机号绑定: in WeChat one tap on 手机号快速验证 (WeChat has
 * verified the number), anywhere by a code texted for purpose "bind".
 */
export default function Profile() {
  const { result, reload } = useMemberLoad(async (token) => ({ token, me: await member.me(token) }))
  return (
    <View className="page" data-testid="profile">
      <StateView result={result} onRetry={reload}>
        {({ token, me }) => <ProfileForm token={token} me={me} onSaved={reload} />}
      </StateView>
    </View>
  )
}

function ProfileForm({ token, me, onSaved }: { token: string; me: Member; onSaved: () => void }) {
  const [name, setName] = useState(`${me.last_name ?? ""}${me.first_name ?? ""}`)
  const [phone, setPhone] = useState("")
  const [code, setCode] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  async function run(action: () => Promise<unknown>, done: string) {
    setProblem(null)
    setNotice(null)
    try {
      await action()
      setNotice(done)
      onSaved()
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  const number = parseCnMobile(phone)
  return (
    <View>
      <View className="section">
        <Text className="section__title">{messages.account.profile}</Text>
        <Field label="姓名">
          <Input className="field__input" value={name} onInput={(e) => setName(e.detail.value)} />
        </Field>
        <Button
          onClick={() => {
            const chars = Array.from(name.trim())
            run(
              () =>
                member.updateProfile(token, {
                  ...profileOf(me),
                  last_name: chars[0] ?? "",
                  first_name: chars.slice(1).join(""),
                }),
              "已保存"
            )
          }}
        >
          保存
        </Button>
      </View>
      <View className="section">
        <Text className="section__title">手机号</Text>
        <Text className="muted">
          {me.phone
            ? `已绑定 ${formatCnMobile(me.phone)}`
            : "绑定后可用手机号登录，并接收检测进度短信"}
        </Text>
        {isWeapp() ? (
          <Button
            className="btn-primary"
            openType="getPhoneNumber"
            onGetPhoneNumber={(event) => {
              const { code, errMsg } = event.detail as { code?: string; errMsg?: string }
              // Declined or not allowed (e.g. an unverified mini-program): the SMS form below stays.
              if (!code) {
                if (!/deny|cancel/.test(errMsg ?? ""))
                  setProblem("微信未能提供手机号，请使用验证码绑定")
                return
              }
              run(async () => {
                await member.bindWechatPhone(token, code)
                Taro.showToast({ title: "绑定成功", icon: "success" })
              }, "手机号已绑定")
            }}
          >
            微信手机号快捷绑定
          </Button>
        ) : null}
        <Field label="新手机号">
          <Input
            className="field__input"
            type="number"
            value={phone}
            onInput={(e) => setPhone(e.detail.value)}
          />
        </Field>
        <Field label="验证码">
          <View className="row">
            <Input
              className="field__input"
              type="number"
              value={code}
              onInput={(e) => setCode(e.detail.value)}
            />
            <Button
              size="mini"
              onClick={() =>
                number
                  ? run(() => member.sendSmsCode(number, "bind"), "验证码已发送，5 分钟内有效")
                  : setProblem(messages.account.invalidPhone)
              }
            >
              获取验证码
            </Button>
          </View>
        </Field>
        <Button
          className="btn-primary"
          onClick={() =>
            number && /^\d{6}$/.test(code)
              ? run(async () => {
                  await member.bindPhone(token, number, code)
                  Taro.showToast({ title: "绑定成功", icon: "success" })
                }, "手机号已绑定")
              : setProblem(number ? messages.account.invalidCode : messages.account.invalidPhone)
          }
        >
          绑定手机号
        </Button>
      </View>
      {problem ? <Text className="error-text">{problem}</Text> : null}
      {notice ? <Text className="notice-text">{notice}</Text> : null}
    </View>
  )
}
