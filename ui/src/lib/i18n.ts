// The UI's words in Vietnamese (the default) and English. The handbook's content (guides, life events,
// fields, glossary) stays in Vietnamese; only the app's own labels switch. The printed slip is always in
// Vietnamese: it is handed to the citizen.

import type { ChannelKind, GroupKind, Level } from './ipc';

/** A UI language. */
export type Lang = 'vi' | 'en';

/** Every UI language, the default first. */
export const LANGS: readonly Lang[] = ['vi', 'en'];

const vi = {
  appTitle: 'Sổ tay thủ tục hành chính',
  home: 'Trang đầu',
  searchLabel: 'Tìm thủ tục',
  searchPlaceholder: 'Ví dụ: đăng ký kết hôn, làm CCCD, nhập hộ khẩu',
  searchHint: 'Có dấu hay không dấu đều được. Phím tắt: / hoặc Ctrl+K để tìm, ↑ ↓ để chọn, Enter để mở, Esc để xóa.',
  filters: 'Bộ lọc',
  filterField: 'Lĩnh vực',
  filterLevel: 'Cấp thực hiện',
  filterEvent: 'Sự kiện cuộc sống',
  filterAll: 'Tất cả',
  clearFilters: 'Bỏ lọc',
  langToggle: 'English',
  langToggleLabel: 'Switch the interface to English',
  textLarger: 'Chữ to hơn',
  textSmaller: 'Chữ nhỏ hơn',
  textSize: 'Cỡ chữ',
  aboutOpen: 'Giới thiệu',
  error: (message: string) => `Có lỗi xảy ra: ${message}`,

  browseEvents: 'Tra theo sự kiện cuộc sống',
  browseFields: 'Tra theo lĩnh vực',
  procedures: (n: number) => `${n} thủ tục`,
  history: 'Đã xem gần đây',
  historyEmpty: 'Chưa xem thủ tục nào. Các thủ tục bạn mở sẽ hiện ở đây.',
  clearHistory: 'Xóa danh sách',
  favourites: 'Thủ tục đã lưu',
  favouritesEmpty: 'Chưa lưu thủ tục nào. Bấm “Lưu thủ tục” trên trang hướng dẫn để thêm.',
  intro: 'Gõ tên thủ tục hoặc việc người dân cần làm, hoặc chọn theo sự kiện cuộc sống và lĩnh vực.',

  results: 'Kết quả tìm kiếm',
  found: (total: number, shown: number) =>
    total > shown ? `Tìm thấy ${total} thủ tục, hiện ${shown} thủ tục phù hợp nhất.` : `Tìm thấy ${total} thủ tục.`,
  browsing: 'Các thủ tục theo bộ lọc đã chọn',
  didYouMean: 'Có phải bạn muốn tìm:',
  chooserTitle: 'Bạn muốn tìm thủ tục nào?',
  noResults: (query: string) => (query ? `Không tìm thấy thủ tục nào cho “${query}”.` : 'Không có thủ tục nào theo bộ lọc này.'),
  noResultsTips: 'Thử gõ ngắn hơn, gõ việc cần làm (ví dụ “làm giấy khai sinh”, “đăng ký tạm trú”), hoặc bỏ bộ lọc.',
  backHome: 'Về trang đầu',

  back: 'Quay lại',
  code: 'Mã thủ tục',
  aka: 'Còn gọi là',
  official: 'Tên chính thức',
  replacedBy: 'Thủ tục này đã được thay bằng thủ tục',
  applicants: 'Người thực hiện',
  channels: 'Thời hạn và lệ phí',
  channel: 'Cách nộp',
  time: 'Thời hạn giải quyết',
  fee: 'Lệ phí',
  documents: 'Giấy tờ cần chuẩn bị',
  checklistHint: 'Đánh dấu các giấy tờ người dân đã mang theo.',
  checked: (n: number, total: number) => `Đã có ${n}/${total} giấy tờ`,
  untickAll: 'Bỏ đánh dấu',
  steps: 'Các bước thực hiện',
  conditions: 'Điều kiện',
  notes: 'Lưu ý',
  result: 'Kết quả',
  agency: 'Cơ quan giải quyết',
  where: 'Nơi nộp hồ sơ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  hours: 'Giờ làm việc',
  sample: 'dữ liệu mẫu',
  sampleNote: 'Thông tin liên hệ là dữ liệu mẫu, cơ quan triển khai cần thay bằng thông tin thật.',
  petitions: 'Phản ánh, kiến nghị',
  legal: 'Căn cứ pháp lý',
  related: 'Thủ tục liên quan',
  lookAlikes: 'Thủ tục dễ nhầm',
  updated: (date: string) => `Cập nhật ngày ${date}`,
  favouriteAdd: 'Lưu thủ tục',
  favouriteRemove: 'Bỏ lưu',
  printOpen: 'In phiếu hướng dẫn',

  printTitle: 'Phiếu hướng dẫn',
  paper: 'Khổ giấy',
  printNow: 'In phiếu',
  copyText: 'Sao chép',
  copied: 'Đã sao chép phiếu.',
  copyFallback: 'Không sao chép tự động được. Chọn nội dung dưới đây rồi nhấn Ctrl+C.',
  close: 'Đóng',

  aboutTitle: 'Giới thiệu',
  aboutText: 'Sổ tay tra cứu thủ tục hành chính, dùng được không cần mạng Internet.',
  contentName: 'Bộ nội dung',
  version: 'Phiên bản',
  date: 'Ngày',
  source: 'Nguồn',
  origin: 'Nạp từ',
  embedded: 'bản tích hợp trong ứng dụng',
  guideCount: 'Số thủ tục',
  shortcuts: 'Phím tắt',

  levels: { xa: 'Cấp xã', tinh: 'Cấp tỉnh', bo: 'Cấp bộ', khac: 'Cơ quan khác' } as Record<Level, string>,
  channelNames: { 'truc-tiep': 'Trực tiếp', 'truc-tuyen': 'Trực tuyến', 'buu-chinh': 'Bưu chính' } as Record<
    ChannelKind,
    string
  >,
  groupNames: { submit: 'Giấy tờ phải nộp', show: 'Giấy tờ phải xuất trình', case: 'Trường hợp riêng' } as Record<
    GroupKind,
    string
  >,
};

/** The shape every dictionary has: the Vietnamese one's keys and value types. */
export type Dict = typeof vi;

const en: Dict = {
  appTitle: 'Administrative procedures handbook',
  home: 'Home',
  searchLabel: 'Find a procedure',
  searchPlaceholder: 'E.g. đăng ký kết hôn, làm CCCD (Vietnamese, accents optional)',
  searchHint: 'Accents are optional. Shortcuts: / or Ctrl+K to search, ↑ ↓ to choose, Enter to open, Esc to clear.',
  filters: 'Filters',
  filterField: 'Field',
  filterLevel: 'Level',
  filterEvent: 'Life event',
  filterAll: 'All',
  clearFilters: 'Clear filters',
  langToggle: 'Tiếng Việt',
  langToggleLabel: 'Chuyển giao diện sang tiếng Việt',
  textLarger: 'Larger text',
  textSmaller: 'Smaller text',
  textSize: 'Text size',
  aboutOpen: 'About',
  error: (message: string) => `Something went wrong: ${message}`,

  browseEvents: 'Browse by life event',
  browseFields: 'Browse by field',
  procedures: (n: number) => `${n} procedure${n === 1 ? '' : 's'}`,
  history: 'Recently viewed',
  historyEmpty: 'No procedure viewed yet. The ones you open appear here.',
  clearHistory: 'Clear list',
  favourites: 'Saved procedures',
  favouritesEmpty: 'No procedure saved yet. Press “Save” on a guide to add it.',
  intro: 'Type the name of a procedure or what the citizen needs to do, or browse by life event and field.',

  results: 'Search results',
  found: (total: number, shown: number) =>
    total > shown ? `${total} procedures found, showing the ${shown} best.` : `${total} procedure${total === 1 ? '' : 's'} found.`,
  browsing: 'Procedures matching the filters',
  didYouMean: 'Did you mean:',
  chooserTitle: 'Which procedure do you mean?',
  noResults: (query: string) => (query ? `No procedure found for “${query}”.` : 'No procedure matches these filters.'),
  noResultsTips: 'Try fewer words, what needs doing (e.g. “làm giấy khai sinh”, “đăng ký tạm trú”), or clear the filters.',
  backHome: 'Back to home',

  back: 'Back',
  code: 'Procedure code',
  aka: 'Also called',
  official: 'Official name',
  replacedBy: 'This procedure has been replaced by',
  applicants: 'Who applies',
  channels: 'Time and fee',
  channel: 'How to lodge',
  time: 'Processing time',
  fee: 'Fee',
  documents: 'Documents to prepare',
  checklistHint: 'Tick the papers the citizen has brought.',
  checked: (n: number, total: number) => `${n} of ${total} papers present`,
  untickAll: 'Untick all',
  steps: 'Steps',
  conditions: 'Conditions',
  notes: 'Notes',
  result: 'Result',
  agency: 'Deciding agency',
  where: 'Where to lodge',
  phone: 'Phone',
  email: 'Email',
  hours: 'Office hours',
  sample: 'sample data',
  sampleNote: 'The contact details are sample data; the deploying office must replace them with its own.',
  petitions: 'Complaints and suggestions',
  legal: 'Legal basis',
  related: 'Related procedures',
  lookAlikes: 'Easily confused with',
  updated: (date: string) => `Updated ${date}`,
  favouriteAdd: 'Save',
  favouriteRemove: 'Unsave',
  printOpen: 'Print guidance slip',

  printTitle: 'Guidance slip',
  paper: 'Paper',
  printNow: 'Print',
  copyText: 'Copy as text',
  copied: 'Slip copied.',
  copyFallback: 'Could not copy automatically. Select the text below and press Ctrl+C.',
  close: 'Close',

  aboutTitle: 'About',
  aboutText: 'A handbook of administrative procedures that works without the Internet.',
  contentName: 'Content',
  version: 'Version',
  date: 'Date',
  source: 'Source',
  origin: 'Loaded from',
  embedded: 'built into the app',
  guideCount: 'Procedures',
  shortcuts: 'Shortcuts',

  levels: { xa: 'Commune level', tinh: 'Provincial level', bo: 'Ministry level', khac: 'Other bodies' },
  channelNames: { 'truc-tiep': 'In person', 'truc-tuyen': 'Online', 'buu-chinh': 'By post' },
  groupNames: { submit: 'Documents to submit', show: 'Documents to show', case: 'Particular case' },
};

const DICTS: Record<Lang, Dict> = { vi, en };

/** The dictionary of a language. */
export function dict(lang: Lang): Dict {
  return DICTS[lang];
}

/** A stored or typed value as a language; anything unknown is Vietnamese. */
export function parseLang(value: unknown): Lang {
  return value === 'en' ? 'en' : 'vi';
}

/** The language the switch goes to. */
export function otherLang(lang: Lang): Lang {
  return lang === 'vi' ? 'en' : 'vi';
}
