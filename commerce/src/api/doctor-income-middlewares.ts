import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminDoctorWithdrawalsQuery,
  BindDoctorWechatBody,
  DoctorIncomeQuery,
  DoctorIncomeSettingsBody,
  PayDoctorWithdrawalBody,
  RejectDoctorWithdrawalBody,
  RequestDoctorWithdrawalBody,
} from "./doctor-income-validators"

/**
 * 医生收入 routes. Doctors are authenticated by consultationMiddlewares (/doctor/*), staff
 * by the admin gate; these validate.
 */
export const doctorIncomeMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/doctor/income",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(DoctorIncomeQuery, {})],
  },
  {
    matcher: "/doctor/income/withdrawals",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(RequestDoctorWithdrawalBody)],
  },
  {
    matcher: "/doctor/wechat/bind",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(BindDoctorWechatBody)],
  },
  {
    matcher: "/admin/doctor-income/withdrawals",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminDoctorWithdrawalsQuery, {})],
  },
  {
    matcher: "/admin/doctor-income/withdrawals/:id/pay",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PayDoctorWithdrawalBody)],
  },
  {
    matcher: "/admin/doctor-income/withdrawals/:id/reject",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(RejectDoctorWithdrawalBody)],
  },
  {
    matcher: "/admin/doctor-income/settings",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(DoctorIncomeSettingsBody)],
  },
]
