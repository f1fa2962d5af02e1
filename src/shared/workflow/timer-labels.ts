/**
 * Names of the procedures' timers (DOMAIN.md §12), for the work queue, badges and reminders. The
 * lengths and citations are in the rule sets (src/shared/rules); these are only the words.
 */
export const TIMER_LABELS: Record<string, { vi: string; en: string }> = {
  'illegal_user.decision_deadline': { vi: 'Hạn quyết định quản lý', en: 'Management decision due' },
  'illegal_user.management_end': { vi: 'Hết thời hạn quản lý', en: 'Management period ends' },
  'voluntary_rehab.decision_deadline': { vi: 'Hạn quyết định cai nghiện tự nguyện', en: 'Voluntary rehab decision due' },
  'voluntary_rehab.term_end': { vi: 'Hết thời hạn cai nghiện tự nguyện', en: 'Voluntary rehab term ends' },
  'ost.acceptance_deadline': { vi: 'Hạn tiếp nhận điều trị thay thế', en: 'OST acceptance due' },
  'compulsory.dossier_deadline': { vi: 'Hạn lập hồ sơ cai nghiện bắt buộc', en: 'Compulsory rehab dossier due' },
  'compulsory.court_decision_deadline': { vi: 'Hạn Tòa án quyết định', en: 'Court decision due' },
  'compulsory.term_end': { vi: 'Hết thời hạn cai nghiện bắt buộc', en: 'Compulsory rehab term ends' },
  'post_rehab.term_end': { vi: 'Hết thời hạn quản lý sau cai nghiện', en: 'Post-rehab management ends' },
  'education_at_commune.helper_deadline': { vi: 'Hạn phân công người giúp đỡ', en: 'Helper assignment due' },
  'education_at_commune.term_end': { vi: 'Hết thời hạn giáo dục tại xã', en: 'Education at commune ends' },
};

export function timerLabel(timer: string, locale: 'vi' | 'en'): string {
  return TIMER_LABELS[timer]?.[locale] ?? timer;
}
