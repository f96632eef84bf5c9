// Page geometry, font names and colours shared by the PDF building blocks (points, A4 portrait).
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 50;
export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;
export const COLORS = {
  text: '#1f2933',
  muted: '#52606d',
  accent: '#0b4f8a',
  rule: '#9aa5b1',
  zebra: '#f0f4f8',
  good: '#2f855a',
  bad: '#c53030',
  target: '#d69e2e',
} as const;
