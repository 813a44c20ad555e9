// QR codes generated offline (qrcode-generator), drawn as SVG.

import qrcode from 'qrcode-generator';

/** The dark modules of a QR code of `text`, row by row (error correction M, smallest version that fits). */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** Escapes text for an HTML/SVG attribute or text node. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An `<svg>` of the QR code of `text`, with a 4-module quiet zone, scalable (size it with CSS), labelled
 * for assistive technology and marked `data-testid={testId}` (`qr` unless said). */
export function qrSvg(text: string, label: string, testId = 'qr'): string {
  const modules = qrModules(text);
  const quiet = 4;
  const size = modules.length + 2 * quiet;
  let path = '';
  modules.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) path += `M${c + quiet} ${r + quiet}h1v1h-1z`;
    });
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" data-testid="${escapeXml(testId)}" role="img" aria-label="${escapeXml(label)}" ` +
    `viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
