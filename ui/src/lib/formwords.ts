// The words of the form-filling screens, in Vietnamese and English (kept apart from i18n.ts, which the
// rest of the UI uses, so that the form screens can be read and changed on their own).

import type { Lang } from './i18n';

const vi = {
  fill: 'Điền tờ khai',
  step: (i: number, n: number, group: string) => `Bước ${i}/${n}: ${group}`,
  required: 'bắt buộc',
  next: 'Tiếp tục',
  back: 'Quay lại',
  review: 'Xem lại tờ khai',
  edit: 'Sửa',
  print: 'In tờ khai',
  printBlank: 'In mẫu trống',
  savePdf: 'Lưu PDF',
  saved: (path: string) => `Đã lưu tờ khai vào ${path}`,
  done: 'Xong, xóa dữ liệu',
  scan: 'Quét CCCD',
  scanPrompt: 'Đưa mã QR trên thẻ căn cước vào máy quét. Thông tin của bạn sẽ được điền vào các mục phù hợp.',
  scanLabel: 'Mã QR thẻ căn cước',
  scanCancel: 'Đóng',
  yes: 'Có',
  no: 'Không',
  source: 'Mẫu theo',
  privacy: 'Những gì bạn điền chỉ nằm trên màn hình này, không được lưu lại; khi xong hoặc về trang đầu, mọi thứ bị xóa.',
  reviewHint: 'Đây là tờ khai sẽ được in. Hãy kiểm tra kỹ trước khi in.',
  fixErrors: 'Còn mục chưa đúng; hãy sửa các mục có thông báo đỏ.',
  close: 'Đóng',
};

type FormWords = typeof vi;

const en: FormWords = {
  fill: 'Fill in the form',
  step: (i, n, group) => `Step ${i} of ${n}: ${group}`,
  required: 'required',
  next: 'Next',
  back: 'Back',
  review: 'Review the form',
  edit: 'Edit',
  print: 'Print the form',
  printBlank: 'Print a blank form',
  savePdf: 'Save as PDF',
  saved: (path) => `The form was saved to ${path}`,
  done: 'Done, clear everything',
  scan: 'Scan ID card',
  scanPrompt: 'Hold the QR code of your ID card to the scanner. Your details will fill the matching fields.',
  scanLabel: 'ID card QR code',
  scanCancel: 'Close',
  yes: 'Yes',
  no: 'No',
  source: 'Official form:',
  privacy: 'What you type stays on this screen only and is never saved; it is cleared when you finish or go home.',
  reviewHint: 'This is the form as it will print. Check it before printing.',
  fixErrors: 'Some fields are not right yet; fix the ones with a red message.',
  close: 'Close',
};

export type { FormWords };

export function formWords(lang: Lang): FormWords {
  return lang === 'en' ? en : vi;
}
