import type { Locale } from './locale';

/**
 * Every error the API can answer with. The web client maps `code` to its own text; the server
 * fills `message` in the request's language from this table. Placeholders are `{name}`.
 */
export const ERRORS = {
  /** A body, query string or path parameter failed its schema; `issues` names each bad field. */
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Yêu cầu không hợp lệ, hãy sửa các trường được nêu.',
    en: 'The request is not valid; fix the fields listed.',
  },
  /** The body is not parseable JSON (or not the declared content type). */
  MALFORMED_BODY: {
    status: 400,
    vi: 'Nội dung gửi lên không đọc được (JSON không hợp lệ).',
    en: 'The request body could not be read (invalid JSON).',
  },
  /** No route answers this method and path. */
  ROUTE_NOT_FOUND: {
    status: 404,
    vi: 'Không có địa chỉ {method} {path}.',
    en: 'There is no route {method} {path}.',
  },
  /** The request is refused (a path outside what may be served, or, from issue 3, a missing permission). */
  FORBIDDEN: {
    status: 403,
    vi: 'Không được phép thực hiện yêu cầu này.',
    en: 'This request is not allowed.',
  },
  /** No administrative unit has this code on the requested date (codes are reused across periods). */
  UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không có đơn vị hành chính mã {code} có hiệu lực ngày {at}.',
    en: 'No administrative unit with code {code} is valid on {at}.',
  },
  /** No agency has this code. */
  AGENCY_NOT_FOUND: {
    status: 404,
    vi: 'Không có cơ quan mã {code}.',
    en: 'There is no agency with code {code}.',
  },
  /** An agency with this code already exists. */
  AGENCY_CODE_TAKEN: {
    status: 409,
    vi: 'Mã cơ quan {code} đã được dùng.',
    en: 'The agency code {code} is already in use.',
  },
  /** The parent agency named for a new agency does not exist. */
  AGENCY_PARENT_NOT_FOUND: {
    status: 400,
    vi: 'Không có cơ quan cấp trên mã {code}.',
    en: 'There is no parent agency with code {code}.',
  },
  /** Login refused. The same answer for an unknown user, a wrong password and a locked account. */
  LOGIN_FAILED: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.',
    en: 'Wrong username or password, or the account is temporarily locked.',
  },
  /** No valid session or token: log in (again). Also after 15 idle minutes or 12 hours. */
  AUTH_REQUIRED: {
    status: 401,
    vi: 'Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Hãy đăng nhập lại.',
    en: 'Your session has ended or you are not logged in. Please log in again.',
  },
  /** The session exists but login is not finished (second factor, password change or enrolment). */
  LOGIN_INCOMPLETE: {
    status: 403,
    vi: 'Hãy hoàn tất đăng nhập (mã xác thực, đổi mật khẩu hoặc đăng ký xác thực hai lớp) trước.',
    en: 'Finish logging in first (verification code, password change or two-factor enrolment).',
  },
  /** A write with the session cookie came without the right `x-csrf-token` header. */
  CSRF_INVALID: {
    status: 403,
    vi: 'Yêu cầu thiếu mã chống giả mạo (CSRF). Hãy tải lại trang.',
    en: 'The request lacks its anti-forgery (CSRF) token. Reload the page.',
  },
  /** The TOTP or recovery code is wrong, expired or already used. */
  MFA_CODE_INVALID: {
    status: 400,
    vi: 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.',
    en: 'The verification code is wrong, expired or already used.',
  },
  /** The current password given for a password change is wrong. */
  PASSWORD_WRONG: {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  /** The new password is on the list of common passwords or contains the username. */
  PASSWORD_TOO_COMMON: {
    status: 400,
    vi: 'Mật khẩu này quá phổ biến hoặc chứa tên đăng nhập; hãy chọn mật khẩu khác.',
    en: 'This password is too common or contains the username; choose another.',
  },
  /** The new password equals the current one. */
  PASSWORD_UNCHANGED: {
    status: 400,
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },
  /** Too many requests from this address or user; `Retry-After` says when to try again. */
  RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu, hãy thử lại sau ít phút.',
    en: 'Too many requests; try again in a few minutes.',
  },
  /** The action needs the second factor again (exports of personal data). */
  STEP_UP_REQUIRED: {
    status: 403,
    vi: 'Hãy nhập lại mã xác thực để thực hiện thao tác này.',
    en: 'Enter your verification code again to do this.',
  },
  /** No such user, or not one the caller may see. */
  USER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy người dùng.',
    en: 'User not found.',
  },
  /** The username is taken. */
  USERNAME_TAKEN: {
    status: 409,
    vi: 'Tên đăng nhập {username} đã có người dùng.',
    en: 'The username {username} is already taken.',
  },
  /** The role does not fit the unit or agency (a commune officer outside a commune, …). */
  ROLE_NOT_ALLOWED_HERE: {
    status: 400,
    vi: 'Vai trò {role} không áp dụng cho đơn vị hoặc cơ quan đã chọn.',
    en: 'The role {role} does not fit the chosen unit or agency.',
  },
  /** An administrator may not disable or demote their own account (someone must stay in charge). */
  SELF_LOCKOUT: {
    status: 409,
    vi: 'Không thể tự vô hiệu hóa hoặc bỏ quyền quản trị của chính mình.',
    en: 'You cannot disable your own account or remove your own administrator role.',
  },
  /** No such session of the caller. */
  SESSION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phiên làm việc.',
    en: 'Session not found.',
  },
  /** No such person, or not one the caller may see. */
  PERSON_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ đối tượng.',
    en: 'Person not found.',
  },
  /** Possible duplicates exist; the answer lists them. Resend with `confirmNotDuplicate` after checking. */
  PERSON_POSSIBLE_DUPLICATE: {
    status: 409,
    vi: 'Có thể đối tượng này đã có hồ sơ. Hãy kiểm tra danh sách trùng trước khi lưu.',
    en: 'This person may already have a file. Check the possible duplicates before saving.',
  },
  /** Someone saved the record since it was read; the answer carries the current values. */
  VERSION_CONFLICT: {
    status: 409,
    vi: 'Hồ sơ đã được người khác sửa sau khi bạn mở. Hãy xem giá trị hiện tại rồi sửa lại.',
    en: 'Someone changed this record after you opened it. Review the current values and edit again.',
  },
  /** No such residence transfer, or not one the caller may see. */
  PERSON_TRANSFER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy yêu cầu chuyển nơi cư trú.',
    en: 'Residence transfer not found.',
  },
  /** The person already has a transfer awaiting the receiving commune (one at a time; no merge meanwhile). */
  PERSON_TRANSFER_PENDING: {
    status: 409,
    vi: 'Hồ sơ đang có yêu cầu chuyển nơi cư trú chờ xã nơi đến tiếp nhận.',
    en: 'This file has a residence transfer awaiting the receiving commune.',
  },
  /** The transfer was already accepted, rejected or cancelled. */
  PERSON_TRANSFER_DECIDED: {
    status: 409,
    vi: 'Yêu cầu chuyển nơi cư trú này đã được xử lý (tiếp nhận, từ chối hoặc hủy).',
    en: 'This residence transfer was already accepted, rejected or cancelled.',
  },
  /** One of the files was already merged into another one (it is read through the file it went into). */
  PERSON_ALREADY_MERGED: {
    status: 409,
    vi: 'Hồ sơ đã được gộp vào một hồ sơ khác.',
    en: 'This file has already been merged into another file.',
  },
  /** No such merge, or not one the caller may see. */
  PERSON_MERGE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy lần gộp hồ sơ.',
    en: 'Merge not found.',
  },
  /** The merge was already undone. */
  PERSON_MERGE_UNDONE: {
    status: 409,
    vi: 'Lần gộp hồ sơ này đã được hoàn tác.',
    en: 'This merge has already been undone.',
  },
  /** Undo is impossible: the kept file was merged again, or rows moved by the merge have moved since. */
  PERSON_MERGE_UNDO_BLOCKED: {
    status: 409,
    vi: 'Không thể hoàn tác: hồ sơ giữ lại đã được gộp tiếp, hoặc các mục đã chuyển không còn ở hồ sơ đó.',
    en: 'Cannot undo: the kept file was merged again, or the moved entries are no longer on it.',
  },
  /** No setting with this key. */
  SETTING_NOT_FOUND: {
    status: 404,
    vi: 'Không có tham số cấu hình {key}.',
    en: 'There is no setting {key}.',
  },
  /** No notification with this id among the caller's own (another user's answers the same). */
  NOTIFICATION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thông báo.',
    en: 'Notification not found.',
  },
  /** No rule set with this id (`src/shared/rules`). */
  RULE_SET_NOT_FOUND: {
    status: 404,
    vi: 'Không có bộ quy tắc {id}.',
    en: 'There is no rule set {id}.',
  },
  /** No rule set is in force on the date asked (before Law 73/2021 took effect on 01/01/2022). */
  RULE_SET_NONE_ON_DATE: {
    status: 404,
    vi: 'Không có bộ quy tắc nào áp dụng vào ngày {date} (hệ thống áp dụng từ 01/01/2022).',
    en: 'No rule set applies on {date} (the system covers 01/01/2022 onwards).',
  },
  /** The rule set has no rule with this key, neither its own nor inherited. */
  RULE_NOT_FOUND: {
    status: 404,
    vi: 'Bộ quy tắc {id} không có quy tắc {key}.',
    en: 'Rule set {id} has no rule {key}.',
  },
  /** Only values DOMAIN.md does not confirm ([NC]) may be changed by an administrator. */
  RULE_CONFIRMED: {
    status: 409,
    vi: 'Quy tắc {key} đã được xác nhận theo văn bản pháp luật, không thể sửa giá trị.',
    en: 'Rule {key} is confirmed by a legal text; its value cannot be changed.',
  },
  /** No procedure with this id visible to the caller. */
  PROCEDURE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thủ tục.',
    en: 'Procedure not found.',
  },
  /** The state machine does not allow this action now; `allowed` lists what it allows. */
  PROCEDURE_ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Thủ tục đang ở trạng thái "{state}": không thể thực hiện "{action}". Các bước được phép: {allowed}.',
    en: 'The procedure is in state "{state}": "{action}" is not possible. Allowed steps: {allowed}.',
  },
  /** The form does not fit the procedure or its state (e.g. Mẫu 54 before completion). */
  PROCEDURE_FORM_UNAVAILABLE: {
    status: 409,
    vi: 'Chưa thể in mẫu {form} cho thủ tục này ở trạng thái hiện tại.',
    en: 'Form {form} cannot be printed for this procedure in its current state.',
  },
  /** No facility with this id (or code). */
  FACILITY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy cơ sở.',
    en: 'Facility not found.',
  },
  /** A facility with this code exists. */
  FACILITY_CODE_TAKEN: {
    status: 409,
    vi: 'Mã cơ sở {code} đã được dùng.',
    en: 'Facility code {code} is already taken.',
  },
  /** The facility has no free place: occupancy has reached its capacity. */
  FACILITY_FULL: {
    status: 409,
    vi: 'Cơ sở {name} đã đủ sức chứa ({capacity}).',
    en: 'Facility {name} is full (capacity {capacity}).',
  },
  /** No such break-the-glass grant visible to the caller. */
  BREAK_GLASS_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy yêu cầu truy cập khẩn cấp.',
    en: 'Emergency access grant not found.',
  },
  /** An export would hold more persons than one file may ({max}); a filter must narrow it. */
  EXPORT_TOO_LARGE: {
    status: 400,
    vi: 'Danh sách có {count} người, vượt quá {max} người cho một tệp. Hãy lọc theo xã, năm sinh hoặc phân loại.',
    en: 'The list has {count} persons, more than {max} per file. Narrow it by commune, birth year or classification.',
  },
  /** No such attachment on this file, or not one the caller may see. */
  ATTACHMENT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tài liệu.',
    en: 'Attachment not found.',
  },
  /** The uploaded bytes are not a JPEG, PNG, PDF or DOCX file (whatever the name says). */
  ATTACHMENT_TYPE: {
    status: 400,
    vi: 'Chỉ nhận ảnh JPEG, PNG hoặc tài liệu PDF, DOCX. Tệp gửi lên không phải các loại này.',
    en: 'Only JPEG or PNG photos and PDF or DOCX documents are accepted; this file is none of them.',
  },
  /** A photo must be an image. */
  ATTACHMENT_PHOTO_TYPE: {
    status: 400,
    vi: 'Ảnh chân dung phải là tệp JPEG hoặc PNG.',
    en: 'A portrait photo must be a JPEG or PNG file.',
  },
  /** The uploaded import file is neither an xlsx workbook nor a CSV text file (judged by its content). */
  IMPORT_FILE_TYPE: {
    status: 400,
    vi: 'Tệp phải là bảng tính Excel (.xlsx) hoặc tệp CSV. Hãy tải tệp mẫu và điền vào đó.',
    en: 'The file must be an Excel workbook (.xlsx) or a CSV file. Download the template and fill it in.',
  },
  /** The import file looks like its type but cannot be read (a damaged workbook, a broken CSV quote). */
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    vi: 'Không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng {type}.',
    en: 'The file cannot be read: it is damaged or not a valid {type} file.',
  },
  /** A CSV import file is not UTF-8 (Excel's plain "CSV" saves in the Windows code page). */
  IMPORT_CSV_ENCODING: {
    status: 400,
    vi: 'Tệp CSV phải được lưu dạng UTF-8 (trong Excel: Lưu thành › CSV UTF-8).',
    en: 'The CSV file must be saved as UTF-8 (in Excel: Save as › CSV UTF-8).',
  },
  /** Row 1 of the import file does not name the template's columns; `issues` lists each problem. */
  IMPORT_HEADERS_INVALID: {
    status: 400,
    vi: 'Dòng tiêu đề (dòng 1) không khớp với tệp mẫu; xem các cột được nêu.',
    en: 'The header row (row 1) does not match the template; see the columns listed.',
  },
  /** The import file has a header row and nothing under it. */
  IMPORT_EMPTY: {
    status: 400,
    vi: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.',
    en: 'The file has no data rows under the header row.',
  },
  /** The import file is larger than IMPORT_BODY_LIMIT_BYTES. */
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp quá lớn: tối đa {maxMb} MB. Hãy chia thành nhiều tệp nhỏ hơn.',
    en: 'The file is too large: at most {maxMb} MB. Split it into smaller files.',
  },
  /** The import file has more data rows than one import takes. */
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    vi: 'Tệp có hơn {max} dòng dữ liệu. Hãy chia thành nhiều tệp nhỏ hơn.',
    en: 'The file has more than {max} data rows. Split it into smaller files.',
  },
  /** No such import, or not one of the caller's own. */
  PERSON_IMPORT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy lượt nhập tệp.',
    en: 'Import not found.',
  },
  /** The caller already has an import running; one at a time per officer. */
  PERSON_IMPORT_BUSY: {
    status: 409,
    vi: 'Bạn đang có một lượt nhập tệp chưa xong. Hãy chờ lượt đó xong rồi nhập tiếp.',
    en: 'You already have an import running. Wait for it to finish first.',
  },
  /** Job outcome: some rows are bad, so a commit wrote nothing; the report lists every bad row. */
  IMPORT_ROWS_INVALID: {
    status: 400,
    vi: 'Có {count} dòng lỗi nên chưa nhập dòng nào. Hãy sửa các dòng được nêu rồi nhập lại cả tệp.',
    en: '{count} rows are bad, so nothing was imported. Fix the rows listed and import the whole file again.',
  },
  /** Job outcome: rows may duplicate existing files and the officer did not confirm them; nothing written. */
  IMPORT_DUPLICATES_UNCONFIRMED: {
    status: 409,
    vi: 'Có {count} dòng có thể trùng hồ sơ đã có. Hãy đối chiếu, xác nhận là người khác rồi nhập lại; chưa nhập dòng nào.',
    en: '{count} rows may duplicate existing files. Check them, confirm they are other persons and import again; nothing was imported.',
  },
  /** Job outcome: the server stopped while the import ran; the transaction rolled back, nothing written. */
  IMPORT_INTERRUPTED: {
    status: 503,
    vi: 'Lượt nhập bị gián đoạn (máy chủ đã khởi động lại) nên chưa nhập dòng nào. Hãy nhập lại.',
    en: 'The import was interrupted (the server restarted), so nothing was imported. Import again.',
  },
  /** No plan (or none the caller may see) has this id. */
  PLAN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kế hoạch.', en: 'Plan not found.' },
  PLAN_TASK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhiệm vụ.', en: 'Task not found.' },
  PLAN_OBJECTIVE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chỉ tiêu.', en: 'Objective not found.' },
  PLAN_REPORT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy báo cáo.', en: 'Report not found.' },
  PLAN_DOCUMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  /** A closed plan (or an issued one, for its structure) cannot be changed. */
  PLAN_NOT_EDITABLE: {
    status: 409,
    vi: 'Kế hoạch ở trạng thái "{status}" nên không sửa được nội dung này.',
    en: 'The plan is "{status}", so this cannot be changed.',
  },
  PLAN_STATUS_INVALID: {
    status: 409,
    vi: 'Không chuyển được kế hoạch từ "{from}" sang "{to}".',
    en: 'The plan cannot go from "{from}" to "{to}".',
  },
  /** Reports are taken only on issued plans. */
  PLAN_NOT_ISSUED: {
    status: 409,
    vi: 'Kế hoạch chưa ban hành hoặc đã kết thúc, không nhận báo cáo.',
    en: 'The plan is not issued (or is closed); it takes no reports.',
  },
  PLAN_REPORT_REVIEWED: {
    status: 409,
    vi: 'Báo cáo này đã được xem xét.',
    en: 'This report has already been reviewed.',
  },
  /** The uploaded document has no text layer (a scan, only images) or no text at all. */
  PLAN_DOCUMENT_NO_TEXT: {
    status: 400,
    vi: 'Không đọc được chữ nào trong tệp: có thể đây là bản quét (chỉ có ảnh). Hãy dùng tệp văn bản (.docx, .txt) hoặc PDF có lớp chữ.',
    en: 'No text could be read from the file: it may be a scan (images only). Use a text file (.docx, .txt) or a PDF with a text layer.',
  },
  /** The PDF (or docx) is password-protected. */
  PLAN_DOCUMENT_ENCRYPTED: {
    status: 400,
    vi: 'Tệp có mật khẩu bảo vệ nên không đọc được chữ. Hãy gỡ mật khẩu rồi tải lên lại.',
    en: 'The file is password-protected, so no text could be read. Remove the password and upload it again.',
  },
  PLAN_DOCUMENT_TYPE: {
    status: 400,
    vi: 'Chỉ nhận tệp .txt, .docx hoặc .pdf có lớp chữ.',
    en: 'Only .txt, .docx or text-based .pdf files are accepted.',
  },
  PLAN_DOCUMENT_TOO_LARGE: {
    status: 413,
    vi: 'Tệp lớn hơn giới hạn {maxMb} MB.',
    en: 'The file is larger than the {maxMb} MB limit.',
  },
  /** The body is larger than the route accepts. */
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  /** The body's content type is not one the route accepts. */
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ.',
    en: 'The content type is not supported.',
  },
  /** The database cannot be reached right now; the request changed nothing and can be retried. */
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được, hãy thử lại sau ít phút.',
    en: 'The database is temporarily unavailable; try again in a few minutes.',
  },
  /** An unexpected fault; the log line with the same request id has the details. */
  INTERNAL: {
    status: 500,
    vi: 'Lỗi hệ thống. Hãy báo quản trị viên mã yêu cầu {requestId}.',
    en: 'System error. Give the administrator request id {requestId}.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * Field-level messages referenced from schemas as `{ error: 'field:<KEY>' }`, so that a custom
 * validation message can still be given in the request's language.
 */
export const FIELD_MESSAGES = {
  UNIT_CODE: {
    vi: 'Mã đơn vị hành chính gồm 2 chữ số (tỉnh), 3 chữ số (huyện cũ) hoặc 5 chữ số (xã).',
    en: 'A unit code has 2 digits (province), 3 digits (former district) or 5 digits (commune).',
  },
  CALENDAR_DOCUMENT: {
    vi: 'Văn bản căn cứ (số thông báo) dài từ 3 đến 300 ký tự.',
    en: 'The source announcement is 3 to 300 characters long.',
  },
  CALENDAR_TET_DAYS: {
    vi: 'Phải liệt kê đủ số ngày nghỉ Tết Âm lịch theo luật, đều thuộc năm đang khai báo.',
    en: 'List exactly the Tết days the law grants, all in the year being declared.',
  },
  CALENDAR_NATIONAL_DAY: {
    vi: 'Ngày nghỉ liền kề Quốc khánh phải là 01/9 hoặc 03/9 của năm đó.',
    en: 'The day next to National Day must be 1 or 3 September of that year.',
  },
  CALENDAR_DAY_YEAR: {
    vi: 'Ngày khai báo phải thuộc năm đang khai báo.',
    en: 'Each declared day must be in the year being declared.',
  },
  CALENDAR_MAKE_UP: {
    vi: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.',
    en: 'A make-up working day must be a Saturday or Sunday.',
  },
  CALENDAR_DAY_OFF: {
    vi: 'Ngày nghỉ thêm phải là một ngày làm việc (không trùng cuối tuần hay ngày lễ).',
    en: 'An extra day off must be a working day (not a weekend or a holiday).',
  },
  WORKING_DAYS: { vi: 'Số ngày làm việc từ 0 đến 366.', en: 'The number of working days is 0 to 366.' },
  ISO_DATE: {
    vi: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.',
    en: 'The date must be YYYY-MM-DD and a real calendar date.',
  },
  AGENCY_CODE: {
    vi: 'Mã cơ quan gồm chữ in hoa, chữ số và dấu gạch dưới (2–32 ký tự), bắt đầu bằng chữ.',
    en: 'An agency code is 2–32 upper-case letters, digits or underscores, starting with a letter.',
  },
  CONTROL_CHARACTERS: {
    vi: 'Nội dung có ký tự điều khiển không hợp lệ.',
    en: 'The text contains invalid control characters.',
  },
  USERNAME: {
    vi: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.',
    en: 'A username is 3–64 characters: lower-case letters, digits, dots, hyphens or underscores.',
  },
  PASSWORD_LENGTH: {
    vi: 'Mật khẩu dài từ 12 đến 128 ký tự.',
    en: 'A password is 12 to 128 characters long.',
  },
  TOTP_CODE: {
    vi: 'Mã xác thực gồm 6 chữ số.',
    en: 'The verification code has 6 digits.',
  },
  DISPLAY_NAME: {
    vi: 'Họ tên hiển thị dài từ 2 đến 100 ký tự.',
    en: 'The display name is 2 to 100 characters long.',
  },
  ID: {
    vi: 'Mã định danh không hợp lệ.',
    en: 'The identifier is not valid.',
  },
  PERSONAL_ID_FORMAT: { vi: 'Số định danh cá nhân gồm đúng 12 chữ số.', en: 'A personal ID number has exactly 12 digits.' },
  PERSONAL_ID_PROVINCE: {
    vi: 'Số định danh: 3 chữ số đầu không phải mã tỉnh nơi đăng ký khai sinh (danh mục 63 tỉnh) hay mã quốc gia.',
    en: 'Personal ID: the first 3 digits are not a birth-registration province (63-province list) or country code.',
  },
  PERSONAL_ID_CENTURY_SEX: {
    vi: 'Số định danh: chữ số thứ 4 (thế kỷ và giới tính) không khớp với giới tính hoặc năm sinh.',
    en: 'Personal ID: the 4th digit (century and sex) does not match the sex or the birth year.',
  },
  PERSONAL_ID_YEAR: {
    vi: 'Số định danh: chữ số thứ 5–6 phải là hai số cuối của năm sinh.',
    en: 'Personal ID: digits 5–6 must be the last two digits of the birth year.',
  },
  OLD_ID_FORMAT: { vi: 'Số CMND cũ gồm đúng 9 chữ số.', en: 'An old identity card number has exactly 9 digits.' },
  PERSON_NAME: { vi: 'Họ tên dài từ 2 đến 100 ký tự.', en: 'A name is 2 to 100 characters long.' },
  BIRTH_DATE_FUTURE: { vi: 'Ngày sinh không thể ở tương lai.', en: 'The birth date cannot be in the future.' },
  BIRTH_DATE_AGE: { vi: 'Tuổi không hợp lý (quá 120 tuổi).', en: 'The age is not plausible (over 120).' },
  BIRTH_YEAR_MISMATCH: { vi: 'Năm sinh không khớp với ngày sinh.', en: 'The birth year does not match the birth date.' },
  NATIONALITY: { vi: 'Quốc tịch là mã 2 chữ cái (VN, LA, CN…).', en: 'Nationality is a 2-letter code (VN, LA, CN…).' },
  ETHNICITY: { vi: 'Dân tộc dài từ 1 đến 50 ký tự.', en: 'Ethnicity is 1 to 50 characters long.' },
  ADDRESS: { vi: 'Địa chỉ dài tối đa 300 ký tự.', en: 'An address is at most 300 characters long.' },
  RELATION: { vi: 'Quan hệ dài từ 1 đến 50 ký tự.', en: 'The relation is 1 to 50 characters long.' },
  PHONE: { vi: 'Số điện thoại gồm 8–15 chữ số.', en: 'A phone number has 8–15 digits.' },
  OCCUPATION: { vi: 'Nghề nghiệp dài từ 1 đến 100 ký tự.', en: 'The occupation is 1 to 100 characters long.' },
  NOTE: { vi: 'Ghi chú dài từ 1 đến 5000 ký tự.', en: 'A note is 1 to 5000 characters long.' },
  FILE_NAME: { vi: 'Tên tệp dài từ 1 đến 200 ký tự.', en: 'A file name is 1 to 200 characters long.' },
  COMMUNE_REQUIRED: { vi: 'Hãy chọn một xã, phường, đặc khu (không phải tỉnh).', en: 'Choose a commune, not a province.' },
  BREAK_GLASS_REASON: {
    vi: 'Lý do truy cập khẩn cấp dài từ 20 đến 1000 ký tự.',
    en: 'The reason for emergency access is 20 to 1000 characters long.',
  },
  REVIEW_NOTE: {
    vi: 'Nhận xét dài từ 2 đến 1000 ký tự.',
    en: 'The review note is 2 to 1000 characters long.',
  },
  TRANSFER_REASON: {
    vi: 'Lý do chuyển nơi cư trú dài từ 5 đến 1000 ký tự.',
    en: 'The reason for the transfer is 5 to 1000 characters long.',
  },
  TRANSFER_SAME_COMMUNE: {
    vi: 'Xã nơi đến phải khác xã đang quản lý hồ sơ.',
    en: 'The receiving commune must differ from the commune managing the file.',
  },
  DECISION_NOTE: { vi: 'Ghi chú dài tối đa 1000 ký tự.', en: 'The note is at most 1000 characters long.' },
  MERGE_REASON: {
    vi: 'Lý do gộp hồ sơ dài từ 5 đến 1000 ký tự.',
    en: 'The reason for the merge is 5 to 1000 characters long.',
  },
  MERGE_SELF: { vi: 'Không thể gộp một hồ sơ với chính nó.', en: 'A file cannot be merged with itself.' },
  SETTING_VALUE: { vi: 'Giá trị không hợp lệ cho tham số này.', en: 'The value is not valid for this setting.' },
  CITATION: { vi: 'Căn cứ pháp lý dài tối đa 500 ký tự.', en: 'The legal basis is at most 500 characters long.' },
  RULE_VALUE: {
    vi: 'Giá trị không hợp lệ hoặc không cùng loại với quy tắc này.',
    en: 'The value is not valid, or not of the same kind as this rule.',
  },
  RULE_CITATION: {
    vi: 'Căn cứ hoặc lý do dài từ 5 đến 500 ký tự.',
    en: 'The basis or reason is 5 to 500 characters long.',
  },
  RULE_SET_ID: { vi: 'Mã bộ quy tắc không hợp lệ.', en: 'The rule set id is not valid.' },
  RULE_KEY: { vi: 'Mã quy tắc không hợp lệ.', en: 'The rule key is not valid.' },
  IMPORT_REQUIRED: { vi: 'Ô này không được để trống.', en: 'This cell must not be empty.' },
  IMPORT_DATE: {
    vi: 'Ngày phải có dạng DD/MM/YYYY và là ngày có thật.',
    en: 'The date must be DD/MM/YYYY and a real calendar date.',
  },
  IMPORT_YEAR: { vi: 'Năm sinh gồm 4 chữ số.', en: 'The year of birth has 4 digits.' },
  IMPORT_BIRTH_REQUIRED: { vi: 'Cần ngày sinh hoặc năm sinh.', en: 'A date or year of birth is required.' },
  IMPORT_SEX: { vi: 'Giới tính ghi Nam hoặc Nữ.', en: 'Write Nam (male) or Nữ (female).' },
  IMPORT_YES_NO: { vi: 'Ghi Có hoặc Không.', en: 'Write Có (yes) or Không (no).' },
  IMPORT_ADDRESS_NEEDS_UNIT: {
    vi: 'Có địa chỉ thì phải có mã xã của địa chỉ đó.',
    en: 'An address needs the code of its commune.',
  },
  IMPORT_UNIT_UNKNOWN: {
    vi: 'Không có xã, phường, đặc khu nào mang mã này trong danh mục hiện hành.',
    en: 'No current commune has this code.',
  },
  IMPORT_OUTSIDE_AREA: {
    vi: 'Nơi ở hiện tại nằm ngoài địa bàn bạn quản lý.',
    en: 'The current residence is outside your area.',
  },
  IMPORT_DUPLICATE_IN_FILE: {
    vi: 'Số này trùng với dòng {row} của tệp.',
    en: 'This number repeats row {row} of the file.',
  },
  IMPORT_ALREADY_REGISTERED: {
    vi: 'Đã có hồ sơ mang số này trong hệ thống.',
    en: 'A file with this number already exists.',
  },
  IMPORT_SIMILAR_NAME: {
    vi: 'Có thể trùng với hồ sơ đã có (họ tên gần giống, cùng năm sinh, cùng tỉnh).',
    en: 'May duplicate an existing file (similar name, same birth year, same province).',
  },
  IMPORT_HEADER_UNKNOWN: {
    vi: 'Cột không có trong tệp mẫu (hãy xóa cột hoặc sửa tiêu đề).',
    en: 'This column is not in the template (remove it or fix its header).',
  },
  IMPORT_HEADER_DUPLICATE: { vi: 'Cột này xuất hiện hai lần.', en: 'This column appears twice.' },
  IMPORT_HEADER_MISSING: { vi: 'Thiếu cột bắt buộc này.', en: 'This required column is missing.' },
  EMPTY_UPDATE: {
    vi: 'Không có thay đổi nào được gửi.',
    en: 'No change was sent.',
  },
  PLAN_TEXT: { vi: 'Nội dung không được để trống và không quá dài.', en: 'The text must not be empty or too long.' },
  PLAN_COMMENT_REQUIRED: {
    vi: 'Trả lại báo cáo thì phải ghi rõ lý do cần sửa.',
    en: 'Returning a report needs a comment saying what to correct.',
  },
  PLAN_PERIOD_ORDER: { vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end date must be after the start date.' },
  PLAN_TASK_AFTER_END: {
    vi: 'Hạn của nhiệm vụ nằm sau ngày kết thúc kế hoạch ({end}).',
    en: "The task's deadline is after the plan ends ({end}).",
  },
  PLAN_REPORT_BEFORE_PERIOD: {
    vi: 'Kỳ báo cáo bắt đầu trước khi kế hoạch bắt đầu ({start}).',
    en: 'The report period starts before the plan starts ({start}).',
  },
  PLAN_REPORT_FUTURE: {
    vi: 'Kỳ báo cáo không thể kết thúc sau hôm nay.',
    en: 'The report period cannot end after today.',
  },
  PLAN_DEADLINE_UNKNOWN: {
    vi: 'Hạn báo cáo này không thuộc nhiệm vụ hay kế hoạch.',
    en: 'This report deadline is not one of the task or plan.',
  },
  PLAN_AGENCY_UNKNOWN: { vi: 'Không có cơ quan mã này.', en: 'There is no agency with this code.' },
  PLAN_UNIT_UNKNOWN: {
    vi: 'Không có đơn vị hành chính hiện hành mang mã này trong tỉnh.',
    en: 'No current unit of the province has this code.',
  },
  PLAN_UNIT_LEVEL: {
    vi: 'Cơ quan cấp tỉnh phải gắn với tỉnh, không phải một xã.',
    en: 'A provincial agency belongs to the province, not to a commune.',
  },
  PLAN_PARENT_TASK: {
    vi: 'Nhiệm vụ của kế hoạch cấp trên không tồn tại hoặc không giao cho đơn vị bạn.',
    en: "The parent plan's task does not exist or is not assigned to your unit.",
  },
  SEARCH_TEXT: {
    vi: 'Nhập từ 1 đến 100 ký tự để tìm.',
    en: 'Type 1 to 100 characters to search.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** Marker used inside zod schemas: `z.string().regex(re, fieldError('UNIT_CODE'))`. */
export function fieldError(key: FieldMessageKey): { error: string } {
  return { error: `field:${key}` };
}

/** Fills `{name}` placeholders. Unknown placeholders are left visible rather than dropped. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function errorMessage(code: ErrorCode, locale: Locale, params?: Record<string, string | number>): string {
  return formatMessage(ERRORS[code][locale], params);
}
