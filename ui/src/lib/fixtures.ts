// Test data shaped like the core's answers (kept small; the real handbook is tested on the Rust side).

import type { Channel, FieldError, Guide, Locality, PetitionInput, SearchResults, Term } from './ipc';

/** A trimmed copy of the marriage guide (1.000894). */
export function marriageGuide(): Guide {
  return {
    code: '1.000894',
    title: 'Đăng ký kết hôn',
    official_title: 'Thủ tục đăng ký kết hôn',
    summary: 'Hai bạn nam, nữ nộp hồ sơ; mỗi người nhận một bản chính Giấy chứng nhận kết hôn.',
    field: 'Hộ tịch',
    levels: ['xa'],
    agency: 'Ủy ban nhân dân cấp xã',
    applicants: ['Công dân Việt Nam'],
    decision: '163/QĐ-BTP',
    results: ['Giấy chứng nhận kết hôn'],
    legal_basis: ['Luật Hộ tịch số 60/2014/QH13'],
    aliases: ['lấy vợ', 'lấy chồng'],
    life_events: ['ket-hon'],
    related: ['2.000806'],
    updated: '2026-06-30',
    portal_url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe',
    origin: 'edited',
    channels: [
      { channel: 'truc-tiep', time: '1 ngày làm việc', fee: 'Miễn lệ phí', note: 'Bản sao trích lục nộp phí.' },
      { channel: 'truc-tuyen', time: '1 ngày làm việc', fee: 'Miễn lệ phí', note: 'Bản sao trích lục nộp phí.' },
    ],
    documents: [
      {
        kind: 'submit',
        title: 'Giấy tờ phải nộp',
        items: [
          {
            id: 'd1',
            text: 'Tờ khai đăng ký kết hôn',
            html: 'Tờ khai đăng ký kết hôn',
            quantity: { count: 1, form: 'original', label: 'bản chính' },
          },
        ],
      },
      {
        kind: 'show',
        title: 'Giấy tờ phải xuất trình',
        items: [
          { id: 'd2', text: 'Giấy tờ tùy thân có ảnh', html: 'Giấy tờ tùy thân có ảnh' },
          { id: 'd3', text: 'Giấy tờ chứng minh nơi cư trú', html: 'Giấy tờ chứng minh nơi cư trú' },
        ],
      },
      {
        kind: 'case',
        title: 'Trường hợp nộp qua bưu chính',
        items: [
          {
            id: 'd4',
            text: 'Bản sao có chứng thực các giấy tờ phải xuất trình',
            html: 'Bản sao có chứng thực các giấy tờ phải xuất trình',
            quantity: { count: 1, form: 'copy', label: 'bản sao có chứng thực' },
          },
        ],
      },
    ],
    steps: [{ text: 'Nộp hồ sơ.', html: 'Nộp hồ sơ.' }],
    conditions: [],
    notes: [],
    source: 'ho-tich/dang-ky-ket-hon.md',
  };
}

/** The shipped sample locality. */
export function sampleLocality(): Locality {
  return {
    sample: true,
    office: {
      name: 'Trung tâm Phục vụ hành chính công phường Mẫu (dữ liệu mẫu)',
      address: 'Số 1 đường Mẫu, phường Mẫu, tỉnh Mẫu',
      phone: '0200 000 0000',
      email: 'motcua@phuongmau.example',
      hours: 'Thứ Hai đến Thứ Sáu: 7:30–17:00',
    },
    petitions: { name: 'Phòng Kiểm soát TTHC', address: 'Số 2', phone: '0200', email: '', hours: '' },
  };
}

/** Some glossary entries of every kind, with the spellings that trip regular expressions. */
export function someTerms(): Term[] {
  return [
    {
      term: 'CCCD',
      kind: 'viet-tat',
      meaning: 'Căn cước công dân: thẻ cấp trước ngày 1/7/2024.',
      variants: ['căn cước công dân', 'thẻ CCCD'],
      expand: ['thẻ căn cước'],
    },
    { term: 'căn cước', kind: 'thuat-ngu', meaning: 'Thẻ căn cước, cấp từ 1/7/2024.', variants: [], expand: [] },
    { term: 'NĐ-CP', kind: 'viet-tat', meaning: 'Nghị định của Chính phủ.', variants: [], expand: [] },
    { term: 'TK1-TS', kind: 'viet-tat', meaning: 'Tờ khai tham gia BHXH, BHYT.', variants: ['TK1 TS'], expand: [] },
    { term: 'hộ khẩu', kind: 'tu-cu', meaning: 'Sổ hộ khẩu, không còn dùng từ 1/1/2023.', variants: [], expand: [] },
    { term: 'bản chính', kind: 'thuat-ngu', meaning: 'Bản gốc do cơ quan có thẩm quyền cấp.', variants: [], expand: [] },
    { term: 'lấy vợ', kind: 'cach-noi', meaning: 'Kết hôn.', variants: [], expand: ['kết hôn'] },
    { term: 'C++ (x)', kind: 'viet-tat', meaning: 'Tên có ký tự đặc biệt.', variants: [], expand: [] },
  ];
}

/** A guide converted from the national catalogue's record without editing (maternity allowance). */
export function nationalGuide(): Guide {
  return {
    ...marriageGuide(),
    code: '2.000693',
    title: 'Giải quyết hưởng chế độ thai sản',
    official_title: 'Giải quyết hưởng chế độ thai sản',
    field: 'Bảo hiểm xã hội',
    aliases: [],
    life_events: [],
    related: [],
    portal_url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=2.000693',
    origin: 'national',
    record_date: '2026-06',
    ministry: 'Bộ Nội vụ',
    questions: ['sinh con được nhận tiền gì'],
  };
}

/**
 * The marriage guide with a superseded paper ("Sổ hộ khẩu", id d9) among the papers of its first group and
 * `channel` as its only channel (issue 15: superseded papers and dated fees).
 */
export function supersededGuide(channel: Channel): Guide {
  const g = marriageGuide();
  const first = g.documents[0];
  if (!first) throw new Error('the fixture has a first group');
  first.items.push({
    id: 'd9',
    text: 'Sổ hộ khẩu',
    html: 'Sổ hộ khẩu',
    quantity: { count: 1, form: 'original', label: 'bản chính' },
    superseded: 'Không còn giá trị từ 01/01/2023',
  });
  g.channels = [channel];
  return g;
}

/** A look-alike of the marriage guide (2.000806), for the chooser. */
export function foreignMarriageGuide(): Guide {
  return { ...marriageGuide(), code: '2.000806', title: 'Đăng ký kết hôn có yếu tố nước ngoài', related: [] };
}

/**
 * A fake engine's answer over the two marriage guides: both as hits with a highlighted snippet; a query
 * with "nuoc ngoai" is ambiguous between them; a query with "zzz" finds nothing and suggests "kết hôn".
 */
export function sampleResults(query: string): SearchResults {
  const guides = [marriageGuide(), foreignMarriageGuide()];
  const hits = guides.map((g, i) => ({ code: g.code, title: g.title, field: g.field, score: 2 - i, snippet: `<b>${g.title}</b>` }));
  if (query.includes('zzz')) return { query, total: 0, took_us: 3, hits: [], ambiguous: false, suggestion: 'kết hôn' };
  if (query.includes('nuoc ngoai')) {
    const members = guides.map((g) => ({ code: g.code, title: g.title, choose_when: `Khi ${g.title}` }));
    const family = { id: 'ket-hon', name: 'Đăng ký kết hôn', question: 'Trường hợp kết hôn của bạn là trường hợp nào?', members };
    return { query, total: hits.length, took_us: 3, hits, ambiguous: true, family };
  }
  return { query, total: hits.length, took_us: 3, hits, ambiguous: false };
}

/** A fake of the core's petition check: name, address, phone (10 digits from 0) and summary required. */
export function samplePetitionErrors(p: PetitionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!p.name.trim()) errors.push({ field: 'name', message: 'Vui lòng nhập họ và tên.' });
  if (!p.address.trim()) errors.push({ field: 'address', message: 'Vui lòng nhập địa chỉ.' });
  if (!/^0\d{9}$/.test(p.phone)) errors.push({ field: 'phone', message: 'Số điện thoại chưa đúng.' });
  if (!p.summary.trim()) errors.push({ field: 'summary', message: 'Vui lòng nhập nội dung.' });
  return errors;
}
