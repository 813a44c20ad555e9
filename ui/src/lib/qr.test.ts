import { describe, expect, it } from 'vitest';
import { escapeXml, qrModules, qrSvg } from './qr';

describe('qr', () => {
  const url = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe';

  it('makes a square QR code with the three finder patterns', () => {
    const m = qrModules(url);
    const n = m.length;
    expect(n).toBeGreaterThanOrEqual(21);
    expect((n - 17) % 4).toBe(0);
    expect(m.every((row) => row.length === n)).toBe(true);
    // Finder pattern corners: dark outer ring, light separator.
    for (const [r, c] of [
      [0, 0],
      [0, n - 7],
      [n - 7, 0],
    ] as const) {
      expect(m[r]![c]).toBe(true);
      expect(m[r + 6]![c + 6]).toBe(true);
      expect(m[r + 1]![c + 1]).toBe(false);
      expect(m[r + 3]![c + 3]).toBe(true);
    }
  });

  it('is deterministic and depends on the text', () => {
    expect(qrModules(url)).toEqual(qrModules(url));
    expect(qrModules(url)).not.toEqual(qrModules(`${url}x`));
  });

  it('draws an SVG with a quiet zone and an escaped label', () => {
    const svg = qrSvg(url, 'Mã QR "<x>"');
    const n = qrModules(url).length + 8;
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).toContain('data-testid="qr"');
    expect(svg).toContain(`viewBox="0 0 ${n} ${n}"`);
    expect(svg).toContain('aria-label="Mã QR &quot;&lt;x&gt;&quot;"');
    expect(svg).toMatch(/<path fill="#000" d="M\d+ \d+h1v1h-1z/);
    expect(escapeXml(`a&b'`)).toBe('a&amp;b&#39;');
  });
});
