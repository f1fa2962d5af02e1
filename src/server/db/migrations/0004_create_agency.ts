import { type Kysely, sql } from 'kysely';

/**
 * Agencies that users, tasks and records attach to. The rows below are the default list drawn
 * from the provincial plans in shared/seeds and DOMAIN.md §3; administrators change it with
 * `npm run pcmt -- agencies …`. Codes never change, because records keep referring to them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agency (
      code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
      kind text NOT NULL CHECK (kind IN ('police', 'people_committee', 'health', 'education', 'information',
        'border_guard', 'media', 'rehab', 'court', 'social_affairs', 'other')),
      level text NOT NULL CHECK (level IN ('province', 'commune', 'facility', 'regional')),
      parent_code text REFERENCES agency (code),
      name_vi text NOT NULL CHECK (name_vi <> ''),
      name_en text NOT NULL CHECK (name_en <> ''),
      short_name text,
      description text,
      sort_order integer NOT NULL DEFAULT 900,
      valid_from date,
      valid_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
      CHECK (parent_code IS NULL OR parent_code <> code)
    )
  `.execute(db);
  await sql`
    INSERT INTO agency (code, kind, level, parent_code, name_vi, name_en, short_name, sort_order, valid_from, valid_to, description) VALUES
    ('CA_TINH', 'police', 'province', NULL, 'Công an tỉnh', 'Provincial Police', 'CAT', 10, NULL, NULL,
      'Cơ quan thường trực phòng, chống ma túy của tỉnh; quản lý nhà nước về cai nghiện và quản lý sau cai nghiện từ 01/03/2025 (NĐ 02/2025/NĐ-CP).'),
    ('PC04', 'police', 'province', 'CA_TINH', 'Phòng Cảnh sát điều tra tội phạm về ma túy', 'Drug Crime Investigation Police Division (PC04)', 'PC04', 11, NULL, NULL,
      'Đơn vị nghiệp vụ của Công an tỉnh: theo dõi, đôn đốc kế hoạch, tổng hợp báo cáo, tổ chức cai nghiện.'),
    ('CA_XA', 'police', 'commune', 'CA_TINH', 'Công an xã, phường, đặc khu', 'Commune Police', 'CAX', 20, NULL, NULL,
      'Phát hiện, thống kê, lập hồ sơ quản lý người sử dụng trái phép chất ma túy; lập hồ sơ đề nghị áp dụng biện pháp cai nghiện bắt buộc.'),
    ('UBND_TINH', 'people_committee', 'province', NULL, 'Ủy ban nhân dân tỉnh', 'Provincial People''s Committee', 'UBND tỉnh', 30, NULL, NULL,
      'Ban hành kế hoạch; Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc.'),
    ('UBND_XA', 'people_committee', 'commune', NULL, 'Ủy ban nhân dân xã, phường, đặc khu', 'Commune People''s Committee', 'UBND xã', 40, NULL, NULL,
      'Chủ tịch UBND cấp xã quyết định quản lý người sử dụng trái phép chất ma túy, cai nghiện tự nguyện tại gia đình, cộng đồng, quản lý sau cai nghiện, giáo dục tại xã.'),
    ('SO_Y_TE', 'health', 'province', NULL, 'Sở Y tế', 'Department of Health', NULL, 50, NULL, NULL, NULL),
    ('CS_Y_TE', 'health', 'facility', 'SO_Y_TE', 'Cơ sở y tế (xác định tình trạng nghiện, điều trị thay thế)', 'Health facility (addiction determination, opioid substitution)', NULL, 51, NULL, NULL,
      'Xác định tình trạng nghiện (NĐ 109/2021/NĐ-CP); điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế.'),
    ('SO_GD_DT', 'education', 'province', NULL, 'Sở Giáo dục và Đào tạo', 'Department of Education and Training', NULL, 60, NULL, NULL, NULL),
    ('SO_TT_TT', 'information', 'province', NULL, 'Sở Thông tin và Truyền thông', 'Department of Information and Communications', NULL, 70, NULL, NULL,
      'Tên trong các kế hoạch đến năm 2025; từ năm 2025 chức năng thông tin, truyền thông do Sở Văn hóa, Thể thao và Du lịch hoặc Sở Khoa học và Công nghệ đảm nhận tùy tỉnh: quản trị viên đổi tên cho đúng tỉnh mình.'),
    ('BDBP', 'border_guard', 'province', NULL, 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Provincial Border Guard Command', 'BĐBP', 80, NULL, NULL, NULL),
    ('DAI_PT_TH', 'media', 'province', NULL, 'Đài Phát thanh và Truyền hình tỉnh', 'Provincial Radio and Television', 'Đài PT-TH', 90, NULL, NULL, NULL),
    ('CS_CAI_NGHIEN', 'rehab', 'facility', 'CA_TINH', 'Cơ sở cai nghiện ma túy', 'Drug rehabilitation facility', NULL, 100, NULL, NULL,
      'Cơ sở cai nghiện công lập và tư nhân; trường giáo dưỡng đối với người chưa thành niên theo Luật 120/2025/QH15.'),
    ('TOA_AN', 'court', 'regional', NULL, 'Tòa án nhân dân khu vực (liên lạc)', 'Regional People''s Court (liaison)', 'TAND khu vực', 110, NULL, NULL,
      'Xem xét, quyết định đưa vào cơ sở cai nghiện bắt buộc; đầu mối nhận hồ sơ.'),
    ('SO_LDTBXH', 'social_affairs', 'province', NULL, 'Sở Lao động - Thương binh và Xã hội', 'Department of Labour, Invalids and Social Affairs', 'Sở LĐTBXH', 120, NULL, '2025-02-28',
      'Quản lý cai nghiện đến 28/02/2025; từ 01/03/2025 chuyển cho Công an (NĐ 02/2025/NĐ-CP). Giữ lại cho các kế hoạch, hồ sơ trước đó.'),
    ('SO_KHAC', 'other', 'province', NULL, 'Sở, ngành khác', 'Other departments', NULL, 900, NULL, NULL,
      'Các sở, ngành có liên quan theo chức năng, nhiệm vụ; quản trị viên thêm từng sở cụ thể khi cần.')
  `.execute(db);
}
